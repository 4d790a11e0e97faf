/** The memory a catalogue connection keeps the database in, for one server process or several. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SQLITE_MEMORY,
  prepareSchema,
  sqliteMemoryForWorkers,
} from '../../../src/catalog/store/sqlite/sqlite-schema.js';

const MIB = 1024 * 1024;

describe('SQLite catalogue memory', () => {
  it('gives one process a 128 MiB page cache and 256 MiB of memory maps', () => {
    expect(sqliteMemoryForWorkers(1)).toEqual({ pageCacheBytes: 128 * MIB, mmapBytes: 256 * MIB });
    expect(DEFAULT_SQLITE_MEMORY).toEqual(sqliteMemoryForWorkers(1));
  });

  it('shares the page cache out between workers and reads through the file cache instead of maps', () => {
    expect(sqliteMemoryForWorkers(2)).toEqual({ pageCacheBytes: 64 * MIB, mmapBytes: 0 });
    expect(sqliteMemoryForWorkers(64).pageCacheBytes).toBe(16 * MIB);
  });

  it('sets the connection to the memory asked for', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fournaise-memory-'));
    const db = new Database(join(dir, 'catalog.sqlite'));
    prepareSchema(db, sqliteMemoryForWorkers(2));
    expect(db.pragma('cache_size', { simple: true })).toBe(-64 * 1024);
    expect(db.pragma('mmap_size', { simple: true })).toBe(0);
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
