import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openSqliteInsituStore } from '../../../src/insitu/store/sqlite/sqlite-insitu-store.js';
import { fixtureDataset } from '../conformance/insitu-fixtures.js';

describe('SQLite in-situ store schema', () => {
  it('builds the overview of a schema-1 file (blocks without overview) when opened', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fournaise-insitu-migration-'));
    const store = openSqliteInsituStore({ dataDir });
    await store.ingest(fixtureDataset());
    const expected = await store.readOverview('BOMG-east-A');
    await store.close();
    const db = new Database(join(dataDir, 'insitu.sqlite'));
    db.exec('DELETE FROM observation_overview; PRAGMA user_version = 1;');
    db.close();
    const reopened = openSqliteInsituStore({ dataDir });
    const rebuilt = await reopened.readOverview('BOMG-east-A');
    expect(Array.from(rebuilt.time)).toEqual(Array.from(expected.time));
    expect(Array.from(rebuilt.value)).toEqual(Array.from(expected.value));
    expect(rebuilt.time.length).toBeGreaterThan(0);
    await reopened.close();
    const check = new Database(join(dataDir, 'insitu.sqlite'));
    expect(check.pragma('user_version', { simple: true })).toBe(2);
    check.close();
  });
});
