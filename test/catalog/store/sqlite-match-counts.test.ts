/**
 * numberMatched of the later pages of a search comes from the count of its first page until the next
 * write, which must make the count again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemSearch } from '../../../src/catalog/search/item-search.js';
import {
  openSqliteCatalogStore,
  type SqliteCatalogStore,
} from '../../../src/catalog/store/sqlite/sqlite-catalog-store.js';
import { ALL_ITEMS, clone, COLLECTIONS, S2, S2_ITEMS } from '../../conformance/fixtures.js';

describe('SQLite numberMatched across pages', () => {
  let store: SqliteCatalogStore;
  beforeAll(async () => {
    store = openSqliteCatalogStore({ path: ':memory:' }, { countBudgetMs: 5000 });
    for (const collection of COLLECTIONS) await store.putCollection(clone(collection), 'insert');
    await store.writeItems(clone(ALL_ITEMS), 'insert');
  });
  afterAll(async () => store.close());

  it('keeps the count of a search between pages and counts again after a write', async () => {
    const search: ItemSearch = { bbox: [55.2, -21.3, 55.9, -20.8], limit: 5 };
    const first = await store.search(search);
    const matched = first.numberMatched as number;
    expect(matched).toBeGreaterThan(10);
    const second = await store.search({ ...search, token: first.next });
    expect(second.numberMatched).toBe(matched);

    await store.writeItems([{ ...clone(S2_ITEMS[0]), id: 'one-more', collection: S2 }], 'insert');
    const third = await store.search({ ...search, token: second.next });
    expect(third.numberMatched).toBe(matched + 1);
  });
});

describe('SQLite numberMatched of free-text searches', () => {
  it('is not counted when the text alone matches far more items than the budget can count', async () => {
    // 0.001 ms lets a count read about 4 matches at best: a word in every Sentinel-2 item is hopeless.
    const store = openSqliteCatalogStore({ path: ':memory:' }, { countBudgetMs: 0.001 });
    const generous = openSqliteCatalogStore({ path: ':memory:' }, { countBudgetMs: 5000 });
    for (const target of [store, generous]) {
      for (const collection of COLLECTIONS) await target.putCollection(clone(collection), 'insert');
      await target.writeItems(clone(ALL_ITEMS), 'insert');
    }
    const word = S2_ITEMS[0].id.split(/[^A-Za-z0-9]+/)[0];
    const search: ItemSearch = { q: word, limit: 2 };
    const counted = await generous.search(search);
    expect(counted.numberMatched).toBeGreaterThan(4);
    const skipped = await store.search(search);
    expect(skipped.items.map((item) => item.id)).toEqual(counted.items.map((item) => item.id));
    expect(skipped.numberMatched).toBeUndefined();
    await store.close();
    await generous.close();
  });
});
