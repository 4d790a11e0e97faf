/**
 * A process killed (SIGKILL) in the middle of writing batches leaves every committed batch intact and no
 * partial item: the row, document, spatial and text index entries and counters of an item are written in the
 * batch's transaction or not at all.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteCatalogStore } from '../../../src/catalog/store/sqlite/sqlite-catalog-store.js';

const dir = mkdtempSync(join(tmpdir(), 'fournaise-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SQLite store killed mid-write', () => {
  it('keeps whole batches only, with consistent indexes and counters', async () => {
    const path = join(dir, 'catalog.sqlite');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'crash-writer.ts'), path],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let reported = 0;
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        const lines = chunk.toString().trim().split('\n');
        reported = Number(lines[lines.length - 1]);
        // Kill while later batches are being written, after a few have committed.
        if (reported >= 1500) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', (code) =>
        code === null ? resolve() : reject(new Error(`writer exited with ${code}`)),
      );
    });
    await new Promise((resolve) => child.once('close', resolve));

    const raw = new Database(path, { readonly: true });
    const count = (sql: string) => raw.prepare(sql).pluck().get() as number;
    const items = count('SELECT count(*) FROM items');
    raw.close();
    expect(items).toBeGreaterThanOrEqual(reported);
    expect(items % 500).toBe(0);

    // A generous count budget: the test checks the count itself, not how long it may take on a loaded machine.
    const store = openSqliteCatalogStore({ path }, { countBudgetMs: 60_000 });
    const check = new Database(path, { readonly: true });
    const value = (sql: string) => check.prepare(sql).pluck().get() as number;
    expect(value('SELECT count(*) FROM item_docs')).toBe(items);
    expect(value('SELECT count(*) FROM item_rtree')).toBe(items);
    expect(value("SELECT count(*) FROM item_fts WHERE item_fts MATCH 'crash'")).toBe(items);
    expect(value('SELECT item_count FROM collections')).toBe(items);
    expect((await store.search({ q: 'sentinel', limit: 1 })).numberMatched).toBe(items);
    const [total] = await store.aggregate({ limit: 1, bbox: [55, -22, 56, -20] }, [
      { name: 't', kind: 'total_count' },
    ]);
    expect(total.value).toBe(items);
    check.close();
    await store.close();
  });
});
