/**
 * Writes batches of items into the SQLite store: typed row, document, R*Tree entries, FTS row, the
 * per-collection item counters and the catalogue of observed properties, all in the caller's transaction.
 * Statements are prepared once and bound positionally: this is the ingest hot path.
 */
import type Database from 'better-sqlite3';
import type { StacItem } from '../../model/stac-types.js';
import type { WriteMode, WriteResult } from '../catalog-store.js';
import { CollectionNotFoundError, ItemExistsError, ItemNotFoundError } from '../../catalog-errors.js';
import { splitAtAntimeridian } from './bbox-geometry.js';
import { type ItemRow, jsonTypeOf, toItemRow } from './item-row.js';
import type { ObservedProperties } from './observed-properties.js';

const ROW_COLUMNS = [
  'collection_key',
  'collection',
  'id',
  'dt_start',
  'dt_end',
  'datetime',
  'minx',
  'miny',
  'maxx',
  'maxy',
  'cloud_cover',
  'platform',
  'constellation',
  'instruments',
  'gsd',
  'created',
  'updated',
  'off_nadir',
  'relative_orbit',
  'keywords',
  'providers',
  'title',
] as const;

type ExistingRow = { item_key: number; collection_key: number };

/** Positional values of ROW_COLUMNS. */
function rowValues(row: ItemRow, collectionKey: number): unknown[] {
  return [
    collectionKey,
    row.collection,
    row.id,
    row.dt_start,
    row.dt_end,
    row.datetime,
    row.minx,
    row.miny,
    row.maxx,
    row.maxy,
    row.cloud_cover,
    row.platform,
    row.constellation,
    row.instruments,
    row.gsd,
    row.created,
    row.updated,
    row.off_nadir,
    row.relative_orbit,
    row.keywords,
    row.providers,
    row.title,
  ];
}

/** Prepared statements and the write logic of items; one per store. */
export class SqliteItemWriter {
  private readonly insertRow: Database.Statement;
  private readonly updateRow: Database.Statement;
  private readonly selectExisting: Database.Statement;
  private readonly selectCollectionKey: Database.Statement;
  private readonly insertDoc: Database.Statement;
  private readonly updateDoc: Database.Statement;
  private readonly deleteDoc: Database.Statement;
  private readonly deleteRow: Database.Statement;
  private readonly insertRtree: Database.Statement;
  private readonly deleteRtree: Database.Statement;
  private readonly insertFts: Database.Statement;
  private readonly deleteFts: Database.Statement;
  private readonly addItemCount: Database.Statement;
  private readonly selectMaxDuration: Database.Statement;
  /** Upper bound of dt_end - dt_start over the stored items (deletions do not lower it). */
  maxDurationMs = 0;

  constructor(
    db: Database.Database,
    private readonly observed: ObservedProperties,
  ) {
    this.insertRow = db.prepare(
      `INSERT INTO items (${ROW_COLUMNS.join(', ')}) VALUES (${ROW_COLUMNS.map(() => '?').join(', ')})`,
    );
    this.updateRow = db.prepare(
      `UPDATE items SET ${ROW_COLUMNS.map((c) => `${c} = ?`).join(', ')} WHERE item_key = ?`,
    );
    this.selectExisting = db.prepare(
      'SELECT item_key, collection_key FROM items WHERE collection = ? AND id = ?',
    );
    this.selectCollectionKey = db.prepare('SELECT collection_key FROM collections WHERE id = ?').pluck();
    this.insertDoc = db.prepare('INSERT INTO item_docs (item_key, doc, geometry) VALUES (?, ?, ?)');
    this.updateDoc = db.prepare('UPDATE item_docs SET doc = ?, geometry = ? WHERE item_key = ?');
    this.deleteDoc = db.prepare('DELETE FROM item_docs WHERE item_key = ?');
    this.deleteRow = db.prepare('DELETE FROM items WHERE item_key = ?');
    this.insertRtree = db.prepare(
      'INSERT INTO item_rtree (entry, minx, maxx, miny, maxy) VALUES (?, ?, ?, ?, ?)',
    );
    this.deleteRtree = db.prepare('DELETE FROM item_rtree WHERE entry IN (?, ?)');
    this.insertFts = db.prepare(
      'INSERT INTO item_fts (rowid, id, title, description, keywords) VALUES (?, ?, ?, ?, ?)',
    );
    this.deleteFts = db.prepare('DELETE FROM item_fts WHERE rowid = ?');
    this.addItemCount = db.prepare(
      'UPDATE collections SET item_count = item_count + ? WHERE collection_key = ?',
    );
    this.selectMaxDuration = db
      .prepare('SELECT coalesce(max(dt_end - dt_start), 0) FROM items WHERE dt_end > dt_start')
      .pluck();
    this.reloadMaxDuration();
  }

  /** Re-reads {@link maxDurationMs} from the items (after another connection wrote some). */
  reloadMaxDuration(): void {
    this.maxDurationMs = this.selectMaxDuration.get() as number;
  }

  /**
   * Writes a batch; must run inside a transaction, which the caller rolls back when this throws.
   * Validation (ids, datetimes, collections) happens item by item, so the first bad item aborts the batch.
   * `touched` receives the keys of the collections written to.
   */
  write(items: StacItem[], mode: WriteMode, touched: Set<number>): WriteResult {
    const result: WriteResult = { inserted: 0, updated: 0, skipped: 0 };
    const collectionKeys = new Map<string, number>();
    const added = new Map<number, number>();
    items.forEach((item, index) => {
      const row = toItemRow(item, index);
      if (row.dt_end - row.dt_start > this.maxDurationMs) this.maxDurationMs = row.dt_end - row.dt_start;
      let collectionKey = collectionKeys.get(row.collection);
      if (collectionKey === undefined) {
        collectionKey = this.selectCollectionKey.get(row.collection) as number | undefined;
        if (collectionKey === undefined) throw new CollectionNotFoundError(row.collection);
        collectionKeys.set(row.collection, collectionKey);
        touched.add(collectionKey);
      }
      const existing =
        mode === 'insert'
          ? undefined
          : (this.selectExisting.get(row.collection, row.id) as ExistingRow | undefined);
      if (existing && mode === 'skip-existing') {
        result.skipped++;
        return;
      }
      let itemKey: number;
      if (existing) {
        itemKey = existing.item_key;
        this.removeIndexes(itemKey);
        this.updateRow.run(...rowValues(row, collectionKey), itemKey);
        this.updateDoc.run(row.doc, row.geometry, itemKey);
        result.updated++;
      } else {
        try {
          itemKey = Number(this.insertRow.run(...rowValues(row, collectionKey)).lastInsertRowid);
        } catch (error) {
          if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
            throw new ItemExistsError(row.collection, row.id);
          }
          throw error;
        }
        this.insertDoc.run(itemKey, row.doc, row.geometry);
        added.set(collectionKey, (added.get(collectionKey) ?? 0) + 1);
        result.inserted++;
      }
      this.addIndexes(itemKey, row);
      this.observed.record(collectionKey, item.properties, jsonTypeOf);
    });
    for (const [key, n] of added) this.addItemCount.run(n, key);
    this.observed.flush();
    return result;
  }

  /** Deletes one item and its index entries; must run inside a transaction. Returns its collection key. */
  delete(collectionId: string, itemId: string): number {
    const existing = this.selectExisting.get(collectionId, itemId) as ExistingRow | undefined;
    if (!existing) throw new ItemNotFoundError(collectionId, itemId);
    this.removeIndexes(existing.item_key);
    this.deleteRow.run(existing.item_key);
    this.deleteDoc.run(existing.item_key);
    this.addItemCount.run(-1, existing.collection_key);
    return existing.collection_key;
  }

  private addIndexes(itemKey: number, row: ItemRow): void {
    if (row.minx !== null && row.miny !== null && row.maxx !== null && row.maxy !== null) {
      if (row.minx <= row.maxx) {
        this.insertRtree.run(itemKey * 2, row.minx, row.maxx, row.miny, row.maxy);
      } else {
        splitAtAntimeridian([row.minx, row.miny, row.maxx, row.maxy]).forEach((box, part) =>
          this.insertRtree.run(itemKey * 2 + part, box.minx, box.maxx, box.miny, box.maxy),
        );
      }
    }
    this.insertFts.run(itemKey, row.id, row.title, row.description, row.keywordText);
  }

  private removeIndexes(itemKey: number): void {
    this.deleteRtree.run(itemKey * 2, itemKey * 2 + 1);
    this.deleteFts.run(itemKey);
  }
}
