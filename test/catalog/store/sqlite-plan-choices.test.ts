/**
 * The SQLite store picks between query plans by data size (R*Tree-driven or column tests along the sort
 * index; collected or probed full-text matches). Forcing each alternative on the conformance fixtures must
 * give exactly the same pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogStore } from '../../../src/catalog/store/catalog-store.js';
import type { ItemSearch } from '../../../src/catalog/search/item-search.js';
import { openSqliteCatalogStore } from '../../../src/catalog/store/sqlite/sqlite-catalog-store.js';
import { ALL_ITEMS, clone, COLLECTIONS, TRIANGLE } from '../../conformance/fixtures.js';

async function loaded(options: Parameters<typeof openSqliteCatalogStore>[1]): Promise<CatalogStore> {
  const store = openSqliteCatalogStore({ path: ':memory:' }, options);
  for (const collection of COLLECTIONS) await store.putCollection(clone(collection), 'insert');
  await store.writeItems(clone(ALL_ITEMS), 'insert');
  return store;
}

const SEARCHES: ItemSearch[] = [
  { bbox: [55.2, -21.3, 55.45, -21.15], limit: 100 },
  { bbox: [55.55, -20.95, 55.65, -20.85], limit: 100 },
  { bbox: [179, -19, -179, -16], limit: 100 },
  { bbox: [55.2, -21.3, 55.9, -20.8], datetime: { start: Date.parse('2024-02-01T00:00:00Z') }, limit: 3 },
  // A window holding fewer items than the box has R*Tree candidates: walked along the datetime index.
  {
    bbox: [55.2, -21.3, 55.9, -20.8],
    datetime: { start: Date.parse('2024-01-10T00:00:00Z'), end: Date.parse('2024-01-20T00:00:00Z') },
    limit: 100,
  },
  { intersects: TRIANGLE, limit: 100 },
  {
    intersects: {
      type: 'LineString',
      coordinates: [
        [179.9, -18.4],
        [-179.9, -18.4],
      ],
    },
    limit: 100,
  },
  { q: 'lagoon', limit: 100 },
  { q: 'volcan, coulee', limit: 100 },
  { q: '"Piton de la Fournaise"', limit: 4 },
];

describe('SQLite plan choices', () => {
  let standard: CatalogStore;
  let forced: CatalogStore;
  beforeAll(async () => {
    standard = await loaded({ countBudgetMs: 5000 });
    forced = await loaded({ countBudgetMs: 5000, rtreeDriveLimit: 0, freeTextProbeThreshold: -1 });
  });
  afterAll(async () => {
    await standard.close();
    await forced.close();
  });

  it.each(SEARCHES.map((search) => [JSON.stringify(search), search]))('%s', async (_, search) => {
    const a = await standard.search(search as ItemSearch);
    const b = await forced.search(search as ItemSearch);
    expect(b.items.map((i) => i.id)).toEqual(a.items.map((i) => i.id));
    expect(b.numberMatched).toBe(a.numberMatched);
    expect(a.items.length).toBeGreaterThan(0);
  });
});
