/**
 * The in-situ store backends under test. Each factory returns a fresh, empty store.
 * Narrow the list with FOURNAISE_TEST_BACKENDS (comma-separated names, e.g. `sqlite-memory`).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InsituStore } from '../../../src/insitu/store/insitu-store.js';
import { MemoryInsituStore } from '../../../src/insitu/store/memory/memory-insitu-store.js';
import { openSqliteInsituStore } from '../../../src/insitu/store/sqlite/sqlite-insitu-store.js';

export interface InsituBackendFactory {
  name: string;
  create(): Promise<InsituStore>;
}

const ALL_BACKENDS: InsituBackendFactory[] = [
  { name: 'memory', create: async () => new MemoryInsituStore() },
  { name: 'sqlite-memory', create: async () => openSqliteInsituStore({ path: ':memory:' }) },
  {
    name: 'sqlite-file',
    create: async () => openSqliteInsituStore({ dataDir: mkdtempSync(join(tmpdir(), 'fournaise-insitu-')) }),
  },
];

const wanted = process.env.FOURNAISE_TEST_BACKENDS?.split(',')
  .map((name) => name.trim())
  .filter(Boolean);

export const INSITU_BACKENDS: InsituBackendFactory[] = wanted
  ? ALL_BACKENDS.filter((backend) => wanted.includes(backend.name))
  : ALL_BACKENDS;
