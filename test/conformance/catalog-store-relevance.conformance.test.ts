/**
 * Conformance: sorting free-text matches by relevance (`sortby: relevance`, a Fournaise extension) for items
 * and collections — title before keywords before description, more matched terms first, ties newest first —
 * and keyset paging over that order that never skips or repeats an item when items are inserted.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StacCollection, StacItem } from '../../src/catalog/model/stac-types.js';
import type { CatalogStore } from '../../src/catalog/store/catalog-store.js';
import type { ItemSearch, SortField } from '../../src/catalog/search/item-search.js';
import { BACKENDS } from './backends.js';
import { clone, COLLECTIONS } from './fixtures.js';
import { collectPages } from './search-helpers.js';

const SCENES = 'test-scenes';
const OBSERVATORY = 'observatory';
const RELEVANCE: SortField[] = [{ field: 'relevance', direction: 'desc' }];

const collection = (id: string, title: string, extra: Partial<StacCollection> = {}): StacCollection => ({
  ...clone(COLLECTIONS[0]),
  id,
  title,
  description: 'Test collection',
  keywords: ['test'],
  ...extra,
});

const item = (
  id: string,
  day: string,
  text: { title?: string; description?: string; keywords?: string[] },
  collectionId = SCENES,
): StacItem => ({
  type: 'Feature',
  stac_version: '1.1.0',
  id,
  collection: collectionId,
  geometry: { type: 'Point', coordinates: [55.5, -21.1] },
  bbox: [55.5, -21.1, 55.5, -21.1],
  properties: { datetime: `${day}T00:00:00Z`, ...text },
  links: [],
  assets: {},
});

/** Items whose matches of "lava" and "coast" differ by field and count (ids hold neither word: ids are searched too). */
const ITEMS: StacItem[] = [
  item('title-a', '2024-01-01', { title: 'Lava flow', description: 'scene' }),
  item('title-b', '2024-02-01', { title: 'Lava field' }),
  item('title-c', '2024-01-15', { title: 'Coast' }),
  item('keywords-a', '2024-03-01', { title: 'Scene 3', keywords: ['lava'] }),
  item('description-ac', '2024-04-01', { title: 'Scene 4', description: 'Lava reached the coast' }),
  item('unmatched', '2024-05-01', { title: 'Beach' }),
  item('via-collection', '2023-06-01', { title: 'Seismic record' }, OBSERVATORY),
];

for (const backend of BACKENDS) {
  describe(`${backend.name}: relevance sort`, () => {
    let store: CatalogStore;
    beforeEach(async () => {
      store = await backend.create();
      await store.putCollection(collection(SCENES, 'Test scenes'), 'insert');
      await store.putCollection(collection(OBSERVATORY, 'Lava observatory'), 'insert');
      await store.writeItems(clone(ITEMS), 'insert');
    });
    afterEach(async () => {
      await store.close();
    });
    const ids = async (query: Omit<ItemSearch, 'limit'>) =>
      (await store.search({ limit: 50, ...query })).items.map((i) => i.id);

    it('ranks title matches before keywords, then description or collection, ties newest first', async () => {
      expect(await ids({ q: 'lava', sortby: RELEVANCE })).toEqual([
        'title-b',
        'title-a',
        'keywords-a',
        'description-ac',
        'via-collection',
      ]);
    });

    it('ranks items matching more terms first', async () => {
      expect(await ids({ q: 'lava coast', sortby: RELEVANCE })).toEqual([
        'description-ac',
        'title-b',
        'title-c',
        'title-a',
        'keywords-a',
        'via-collection',
      ]);
    });

    it('matches the same items as the default order, accents and phrases included', async () => {
      for (const q of ['lava coast', 'LÁVA', '"lava flow"', 'beach,seismic']) {
        const ranked = await ids({ q, sortby: RELEVANCE });
        expect(ranked.sort()).toEqual((await ids({ q })).sort());
      }
      expect(await ids({ q: '"lava flow"', sortby: RELEVANCE })).toEqual(['title-a']);
    });

    it('combines with other filters and sort fields', async () => {
      expect(await ids({ q: 'lava', collections: [OBSERVATORY], sortby: RELEVANCE })).toEqual([
        'via-collection',
      ]);
      // Ties on relevance follow the next sort field instead of the default order.
      const sortby: SortField[] = [...RELEVANCE, { field: 'id', direction: 'asc' }];
      expect(await ids({ q: 'lava', sortby })).toEqual([
        'title-a',
        'title-b',
        'keywords-a',
        'description-ac',
        'via-collection',
      ]);
    });

    it('pages forward and back through the relevance order', async () => {
      const all = await ids({ q: 'lava coast', sortby: RELEVANCE });
      const pages = await collectPages(store, { q: 'lava coast', sortby: RELEVANCE, limit: 2 });
      expect(pages.flat()).toEqual(all);
      const first = await store.search({ q: 'lava coast', sortby: RELEVANCE, limit: 2 });
      const second = await store.search({ q: 'lava coast', sortby: RELEVANCE, limit: 2, token: first.next });
      const back = await store.search({ q: 'lava coast', sortby: RELEVANCE, limit: 2, token: second.prev });
      expect(back.items.map((i) => i.id)).toEqual(all.slice(0, 2));
    });

    it('never skips or repeats an item when items are inserted between pages', async () => {
      // Forty more items with every mix of fields and terms, so many share a score.
      const more = Array.from({ length: 40 }, (_, i) =>
        item(`more-${String(i).padStart(2, '0')}`, `2022-01-${String((i % 28) + 1).padStart(2, '0')}`, {
          title: i % 3 === 0 ? 'Lava tube' : i % 3 === 1 ? 'Coast line' : 'Scene',
          keywords: i % 4 === 0 ? ['coast'] : ['other'],
          description: i % 5 === 0 ? 'lava at the coast' : 'scene',
        }),
      );
      await store.writeItems(more, 'insert');
      const query = { q: 'lava coast', sortby: RELEVANCE, limit: 6 };
      const before = (await collectPages(store, query)).flat();
      const first = await store.search(query);
      expect(first.items.map((i) => i.id)).toEqual(before.slice(0, 6));
      await store.writeItems(
        [
          // Matches both terms in every field: ranks above the whole first page.
          item('inserted-best', '2030-01-01', {
            title: 'Lava coast',
            keywords: ['lava', 'coast'],
            description: 'lava coast',
          }),
          // A description-only match, ranked after the first page.
          item('inserted-weak', '2030-01-01', { title: 'Other', description: 'lava' }),
          // Ties with an item of a later page on score and datetime.
          item('more-99', '2022-01-10', { title: 'Lava tube', keywords: ['other'], description: 'scene' }),
        ],
        'insert',
      );
      const rest = (await collectPages(store, { ...query, token: first.next })).flat();
      const seen = [...first.items.map((i) => i.id), ...rest];
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).not.toContain('inserted-best');
      expect(seen).toContain('inserted-weak');
      expect(seen).toContain('more-99');
      expect(seen.filter((id) => !id.startsWith('inserted') && id !== 'more-99')).toEqual(before);
    });

    it('ranks collection search results the same way', async () => {
      await store.putCollection(collection('volcano', 'Volcano', { keywords: ['lava'] }), 'insert');
      await store.putCollection(
        collection('beach', 'Beach', { description: 'Where lava meets the sea' }),
        'insert',
      );
      const page = await store.searchCollections({ q: 'lava', sortby: RELEVANCE, limit: 10 });
      expect(page.collections.map((c) => c.id)).toEqual([OBSERVATORY, 'volcano', 'beach']);
      const paged = await store.searchCollections({ q: 'lava', sortby: RELEVANCE, limit: 2 });
      const next = await store.searchCollections({
        q: 'lava',
        sortby: RELEVANCE,
        limit: 2,
        token: paged.next,
      });
      expect(next.collections.map((c) => c.id)).toEqual(['beach']);
    });

    it('rejects a relevance sort without terms, with too many terms, or with a token of another q', async () => {
      const invalid = { code: 'CATALOG_INVALID_SEARCH' };
      await expect(store.search({ sortby: RELEVANCE, limit: 5 })).rejects.toMatchObject(invalid);
      await expect(store.search({ q: ' , ', sortby: RELEVANCE, limit: 5 })).rejects.toMatchObject(invalid);
      const manyTerms = Array.from({ length: 17 }, (_, i) => `term${i}`).join(' ');
      await expect(store.search({ q: manyTerms, sortby: RELEVANCE, limit: 5 })).rejects.toMatchObject(
        invalid,
      );
      const page = await store.search({ q: 'lava', sortby: RELEVANCE, limit: 2 });
      await expect(
        store.search({ q: 'coast', sortby: RELEVANCE, limit: 2, token: page.next }),
      ).rejects.toMatchObject(invalid);
      await expect(store.searchCollections({ sortby: RELEVANCE, limit: 5 })).rejects.toMatchObject(invalid);
    });
  });
}
