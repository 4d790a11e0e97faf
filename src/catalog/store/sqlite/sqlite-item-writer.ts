/**
 * Writes batches of items into the SQLite store: typed row, document, R*Tree entries, FTS row,
 * pre-aggregations and the catalogue of observed properties, all in the caller's transaction.
 */
import type Database from 'better-sqlite3';
import type { StacItem } from '../../model/stac-types.js';
import type { WriteMode, WriteResult } from '../catalog-store.js';
import { CollectionNotFoundError, ItemExistsError, ItemNotFoundError } from '../../catalog-errors.js';
import { splitAtAntimeridian } from './bbox-geometry.js';
import { type ItemRow, jsonTypeOf, toItemRow } from './item-row.js';
import { ItemStatsDelta, type StatsRow } from './item-stats.js';
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

const STATS_COLUMNS =
  'item_key, collection_key, dt_start, minx, miny, maxx, maxy, platform, constellation, instruments, keywords, providers';

type ExistingRow = StatsRow & { item_key: number };

/** Prepared statements and the write logic of items; one per store. */
export class SqliteItemWriter {
  private readonly insertRow: Database.Statement;
  private readonly updateRow: Database.Statement;
  private readonly selectExisting: Database.Statement;
  private readonly selectCollectionKey: Database.Statement;
  private readonly upsertDoc: Database.Statement;
  private readonly deleteDoc: Database.Statement;
  private readonly deleteRow: Database.Statement;
  private readonly insertRtree: Database.Statement;
  private readonly deleteRtree: Database.Statement;
  private readonly insertFts: Database.Statement;
  private readonly deleteFts: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly observed: ObservedProperties,
  ) {
    const named = ROW_COLUMNS.map((c) => `@${c}`).join(', ');
    this.insertRow = db.prepare(`INSERT INTO items (${ROW_COLUMNS.join(', ')}) VALUES (${named})`);
    this.updateRow = db.prepare(
      `UPDATE items SET ${ROW_COLUMNS.map((c) => `${c} = @${c}`).join(', ')} WHERE item_key = @item_key`,
    );
    this.selectExisting = db.prepare(`SELECT ${STATS_COLUMNS} FROM items WHERE collection = ? AND id = ?`);
    this.selectCollectionKey = db.prepare('SELECT collection_key FROM collections WHERE id = ?').pluck();
    this.upsertDoc = db.prepare(
      'INSERT OR REPLACE INTO item_docs (item_key, doc, geometry) VALUES (?, ?, ?)',
    );
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
  }

  /**
   * Writes a batch; must run inside a transaction, which the caller rolls back when this throws.
   * Validation (ids, datetimes, collections) happens item by item, so the first bad item aborts the batch.
   */
  write(items: StacItem[], mode: WriteMode): WriteResult {
    const result: WriteResult = { inserted: 0, updated: 0, skipped: 0 };
    const collectionKeys = new Map<string, number>();
    const stats = new ItemStatsDelta();
    items.forEach((item, index) => {
      const row = toItemRow(item, index);
      let collectionKey = collectionKeys.get(row.collection);
      if (collectionKey === undefined) {
        collectionKey = this.selectCollectionKey.get(row.collection) as number | undefined;
        if (collectionKey === undefined) throw new CollectionNotFoundError(row.collection);
        collectionKeys.set(row.collection, collectionKey);
      }
      const existing =
        mode === 'insert'
          ? undefined
          : (this.selectExisting.get(row.collection, row.id) as ExistingRow | undefined);
      if (existing && mode === 'skip-existing') {
        result.skipped++;
        return;
      }
      const values = { ...row, collection_key: collectionKey };
      let itemKey: number;
      if (existing) {
        this.removeIndexes(existing, stats);
        itemKey = existing.item_key;
        this.updateRow.run({ ...pickColumns(values), item_key: itemKey });
        result.updated++;
      } else {
        try {
          itemKey = Number(this.insertRow.run(pickColumns(values)).lastInsertRowid);
        } catch (error) {
          if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
            throw new ItemExistsError(row.collection, row.id);
          }
          throw error;
        }
        result.inserted++;
      }
      this.upsertDoc.run(itemKey, row.doc, row.geometry);
      this.addIndexes(itemKey, values, stats);
      this.observed.record(collectionKey, item.properties, jsonTypeOf);
    });
    stats.flush(this.db);
    this.observed.flush();
    return result;
  }

  /** Deletes one item and its index entries; must run inside a transaction. */
  delete(collectionId: string, itemId: string): void {
    const existing = this.selectExisting.get(collectionId, itemId) as ExistingRow | undefined;
    if (!existing) throw new ItemNotFoundError(collectionId, itemId);
    const stats = new ItemStatsDelta();
    this.removeIndexes(existing, stats);
    this.deleteRow.run(existing.item_key);
    this.deleteDoc.run(existing.item_key);
    stats.flush(this.db);
  }

  private addIndexes(
    itemKey: number,
    row: ItemRow & { collection_key: number },
    stats: ItemStatsDelta,
  ): void {
    if (row.minx !== null && row.miny !== null && row.maxx !== null && row.maxy !== null) {
      splitAtAntimeridian([row.minx, row.miny, row.maxx, row.maxy]).forEach((box, part) =>
        this.insertRtree.run(itemKey * 2 + part, box.minx, box.maxx, box.miny, box.maxy),
      );
    }
    const keywords = row.keywords === null ? null : (JSON.parse(row.keywords) as string[]).join(' ');
    this.insertFts.run(itemKey, row.id, row.title, row.description, keywords);
    stats.add(row, 1);
  }

  private removeIndexes(existing: ExistingRow, stats: ItemStatsDelta): void {
    this.deleteRtree.run(existing.item_key * 2, existing.item_key * 2 + 1);
    this.deleteFts.run(existing.item_key);
    stats.add(existing, -1);
  }
}

function pickColumns(values: Record<string, unknown>): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const column of ROW_COLUMNS) picked[column] = values[column];
  return picked;
}
