/**
 * A small La Réunion catalogue in an in-memory SQLite store, served by buildApp, for the API tests:
 * 25 Pléiades scenes and 3 land-cover maps (see stac-fixtures.ts).
 */
import type { FastifyInstance } from 'fastify';
import { buildApp, type BuildAppOptions } from '../../../src/api/build-app.js';
import { collection, item } from './stac-fixtures.js';
import { openSqliteCatalogStore } from '../../../src/catalog/store/sqlite/sqlite-catalog-store.js';
import type { CatalogStore } from '../../../src/catalog/store/catalog-store.js';

export const BASE = 'http://fournaise.test';

export interface TestCatalog {
  app: FastifyInstance;
  store: CatalogStore;
}

/** Opens an in-memory store with the two test collections and returns the app over it. */
export async function createTestCatalog(options: Partial<BuildAppOptions> = {}): Promise<TestCatalog> {
  const store = openSqliteCatalogStore({ path: ':memory:' });
  await store.putCollection(
    collection('pleiades', 'Pléiades scenes of Réunion', ['pleiades', 'optical']),
    'insert',
  );
  await store.putCollection(collection('landcover', 'Réunion land cover', ['land cover']), 'insert');
  await store.writeItems(
    Array.from({ length: 25 }, (_, index) => item('pleiades', index)),
    'insert',
  );
  await store.writeItems(
    Array.from({ length: 3 }, (_, index) => item('landcover', index)),
    'insert',
  );
  const app = buildApp({ catalog: store, baseUrl: BASE, ...options });
  await app.ready();
  return { app, store };
}

/** Every id in the store, sorted, to check that a request changed nothing. */
export async function snapshot(store: CatalogStore): Promise<string> {
  const collections = await store.searchCollections({ limit: 1000 });
  const items = await store.search({ limit: 10_000 });
  return JSON.stringify({
    collections: collections.collections.map((c) => c.id).sort(),
    items: items.items.map((i) => `${i.collection}/${i.id}:${JSON.stringify(i.properties)}`).sort(),
  });
}
