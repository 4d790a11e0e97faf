/**
 * The catalogue store backends under test. Each factory returns a fresh, empty store.
 * Narrow the list with FOURNAISE_TEST_BACKENDS (comma-separated names, e.g. `sqlite`).
 */
import type { CatalogStore } from '../../src/catalog/store/catalog-store.js';
import { openSqliteCatalogStore } from '../../src/catalog/store/sqlite/sqlite-catalog-store.js';
import { ALL_ITEMS, clone, COLLECTIONS } from './fixtures.js';

export interface BackendFactory {
  name: string;
  /** A fresh empty store. */
  create(): Promise<CatalogStore>;
}

const ALL_BACKENDS: BackendFactory[] = [
  // The suite checks exact counts, so the count time budget is generous (tests share a loaded machine).
  {
    name: 'sqlite',
    create: async () => openSqliteCatalogStore({ path: ':memory:' }, { countBudgetMs: 5000 }),
  },
];

const wanted = process.env.FOURNAISE_TEST_BACKENDS?.split(',')
  .map((name) => name.trim())
  .filter(Boolean);

export const BACKENDS: BackendFactory[] = wanted
  ? ALL_BACKENDS.filter((backend) => wanted.includes(backend.name))
  : ALL_BACKENDS;

if (wanted && BACKENDS.length === 0) {
  throw new Error(
    `FOURNAISE_TEST_BACKENDS=${wanted.join(',')} names no known backend (${ALL_BACKENDS.map((b) => b.name).join(', ')})`,
  );
}

/** A fresh store loaded with the fixture collections and items. */
export async function createLoadedStore(backend: BackendFactory): Promise<CatalogStore> {
  const store = await backend.create();
  for (const collection of COLLECTIONS) await store.putCollection(clone(collection), 'insert');
  await store.writeItems(clone(ALL_ITEMS), 'insert');
  return store;
}
