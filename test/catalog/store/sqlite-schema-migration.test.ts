/**
 * A catalogue written by the previous schema version opens with the current one: the migration brings the
 * FTS write settings of new catalogues, and the items written before stay searchable by free text.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteCatalogStore } from '../../../src/catalog/store/sqlite/sqlite-catalog-store.js';
import { SCHEMA_VERSION } from '../../../src/catalog/store/sqlite/sqlite-schema.js';
import { clone, COLLECTIONS, S2_ITEMS } from '../../conformance/fixtures.js';

const ftsSettings = (db: Database.Database): Record<string, unknown> =>
  Object.fromEntries(
    (db.prepare('SELECT k, v FROM item_fts_config').all() as { k: string; v: unknown }[]).map((r) => [
      r.k,
      r.v,
    ]),
  );

describe('SQLite catalogue schema migration', () => {
  let dataDir: string | undefined;
  afterEach(() => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('gives a version 6 catalogue the FTS write settings and keeps its items searchable', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'fournaise-migration-'));
    const store = openSqliteCatalogStore({ dataDir });
    for (const collection of COLLECTIONS) await store.putCollection(clone(collection), 'insert');
    await store.writeItems(S2_ITEMS.map(clone), 'insert');
    await store.close();

    // Back to what version 6 wrote: FTS5's default settings.
    const old = new Database(join(dataDir, 'catalog.sqlite'));
    old.exec(`
      INSERT INTO item_fts(item_fts, rank) VALUES ('hashsize', 1048576);
      INSERT INTO item_fts(item_fts, rank) VALUES ('automerge', 4);
      PRAGMA user_version = 6;`);
    expect(ftsSettings(old)).toMatchObject({ hashsize: 1048576, automerge: 4 });
    old.close();

    const reopened = openSqliteCatalogStore({ dataDir });
    const title = S2_ITEMS[0].properties.title as string;
    const page = await reopened.search({ q: title.split(' ')[0], limit: 100 });
    await reopened.close();
    expect(page.items.map((item) => item.id)).toContain(S2_ITEMS[0].id);

    const migrated = new Database(join(dataDir, 'catalog.sqlite'), { readonly: true });
    expect(migrated.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(ftsSettings(migrated)).toMatchObject({ hashsize: 16777216, automerge: 8 });
    migrated.close();
  });
});
