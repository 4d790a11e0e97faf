/** Conformance: sorting and keyset paging (next and prev), stable under concurrent inserts. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CatalogStore } from '../../src/catalog/store/catalog-store.js';
import type { StacItem } from '../../src/catalog/model/stac-types.js';
import { BACKENDS, createLoadedStore } from './backends.js';
import { ALL_ITEMS, clone, idsOf, PLEIADES, PLEIADES_ITEMS, S2, S2_ITEMS } from './fixtures.js';
import { collectPages, defaultOrder } from './search-helpers.js';

for (const backend of BACKENDS) {
  describe(`${backend.name}: sort and paging`, () => {
    let store: CatalogStore;
    beforeEach(async () => {
      store = await createLoadedStore(backend);
    });
    afterEach(async () => {
      await store.close();
    });

    it('pages through everything with next tokens, each item exactly once, in order', async () => {
      const pages = await collectPages(store, { limit: 7 });
      expect(pages).toHaveLength(Math.ceil(ALL_ITEMS.length / 7));
      expect(pages.flat()).toEqual(defaultOrder(ALL_ITEMS));
    });

    it('goes back with prev tokens to exactly the previous page', async () => {
      const first = await store.search({ limit: 6 });
      const second = await store.search({ limit: 6, token: first.next });
      const third = await store.search({ limit: 6, token: second.next });
      const back = await store.search({ limit: 6, token: third.prev });
      expect(back.items.map((i) => i.id)).toEqual(second.items.map((i) => i.id));
      expect(back.next).toBeTypeOf('string');
      expect(back.prev).toBeTypeOf('string');
      const start = await store.search({ limit: 6, token: back.prev });
      expect(start.items.map((i) => i.id)).toEqual(first.items.map((i) => i.id));
      expect(start.prev).toBeUndefined();
      const forward = await store.search({ limit: 6, token: start.next });
      expect(forward.items.map((i) => i.id)).toEqual(second.items.map((i) => i.id));
    });

    it('never skips or repeats an item when items are inserted between pages', async () => {
      const order = defaultOrder(ALL_ITEMS);
      const first = await store.search({ limit: 5 });
      expect(first.items.map((i) => i.id)).toEqual(order.slice(0, 5));
      // One item sorting before the cursor (newest of all), one in the middle of the rest, one tied on datetime.
      const newest: StacItem = { ...clone(S2_ITEMS[0]), id: 'inserted-newest' };
      newest.properties.datetime = '2030-01-01T00:00:00Z';
      const middle: StacItem = { ...clone(S2_ITEMS[10]), id: 'inserted-middle' };
      middle.properties.datetime = '2024-02-20T12:00:00Z';
      const tied: StacItem = { ...clone(S2_ITEMS[20]), id: 's2-20a' };
      await store.writeItems([newest, middle, tied], 'insert');
      const rest: string[] = [];
      let token = first.next;
      while (token) {
        const page = await store.search({ limit: 5, token });
        rest.push(...page.items.map((i) => i.id));
        token = page.next;
      }
      const seen = [...first.items.map((i) => i.id), ...rest];
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).not.toContain('inserted-newest');
      expect(seen).toContain('inserted-middle');
      expect(seen).toContain('s2-20a');
      expect(seen.filter((id) => !id.startsWith('inserted') && id !== 's2-20a')).toEqual(order);
    });

    it('keeps pages consistent when an item of a later page is deleted', async () => {
      const order = defaultOrder(ALL_ITEMS);
      const first = await store.search({ limit: 10 });
      await store.deleteItem(S2, order[15]);
      const rest = (await collectPages(store, { limit: 10, token: first.next })).flat();
      expect([...first.items.map((i) => i.id), ...rest]).toEqual(order.filter((id) => id !== order[15]));
    });

    it('sorts by any queryable, ascending and descending', async () => {
      const byCloud = [...PLEIADES_ITEMS].sort(
        (a, b) => (b.properties['eo:cloud_cover'] as number) - (a.properties['eo:cloud_cover'] as number),
      );
      const page = await store.search({
        collections: [PLEIADES],
        sortby: [{ field: 'eo:cloud_cover', direction: 'desc' }],
        limit: 20,
      });
      expect(page.items.map((i) => i.id)).toEqual(byCloud.map((i) => i.id));
      const byId = await store.search({
        collections: [PLEIADES],
        sortby: [{ field: 'id', direction: 'asc' }],
        limit: 20,
      });
      expect(byId.items.map((i) => i.id)).toEqual(PLEIADES_ITEMS.map((i) => i.id).sort());
      const byNadir = await store.search({
        collections: [PLEIADES],
        sortby: [{ field: 'view:off_nadir', direction: 'asc' }],
        limit: 3,
      });
      expect(byNadir.items.map((i) => i.id)).toEqual(['pleiades-0', 'pleiades-1', 'pleiades-2']);
    });

    it('pages through a sort on a field with ties and missing values, each item once', async () => {
      const sortby = [
        { field: 'eo:cloud_cover', direction: 'asc' as const },
        { field: 'platform', direction: 'desc' as const },
      ];
      const pages = await collectPages(store, { sortby, limit: 4 });
      const seen = pages.flat();
      expect(seen.sort()).toEqual(idsOf(ALL_ITEMS));
      const ordered = (await collectPages(store, { sortby, limit: 4 })).flat();
      const clouds = ordered
        .map((id) => ALL_ITEMS.find((item) => item.id === id)?.properties['eo:cloud_cover'])
        .filter((value): value is number => typeof value === 'number');
      expect(clouds).toEqual([...clouds].sort((a, b) => a - b));
      const back = await store.search({
        sortby,
        limit: 4,
        token: (await store.search({ sortby, limit: 4 })).next,
      });
      const prev = await store.search({ sortby, limit: 4, token: back.prev });
      expect(prev.items.map((i) => i.id)).toEqual(ordered.slice(0, 4));
    });

    it('sorts and pages by an observed property that has no typed column', async () => {
      const sortby = [{ field: 's2:tile', direction: 'desc' as const }];
      const seen = (await collectPages(store, { collections: [S2], sortby, limit: 5 })).flat();
      const tiles = seen.map((id) => S2_ITEMS.find((item) => item.id === id)?.properties['s2:tile']);
      expect(tiles).toEqual([...tiles].sort().reverse());
      expect(seen.sort()).toEqual(idsOf(S2_ITEMS));
    });

    it('rejects unknown sort fields, tokens of another sort, and forged tokens', async () => {
      await expect(
        store.search({ sortby: [{ field: 'nope', direction: 'asc' }], limit: 5 }),
      ).rejects.toMatchObject({
        code: 'CATALOG_UNKNOWN_QUERYABLE',
      });
      const page = await store.search({ limit: 5 });
      await expect(
        store.search({ sortby: [{ field: 'id', direction: 'asc' }], limit: 5, token: page.next }),
      ).rejects.toMatchObject({ code: 'CATALOG_INVALID_SEARCH' });
      for (const token of [
        'garbage',
        'eyJ4IjoxfQ',
        Buffer.from('{"d":"n","k":[{"a":1}],"s":""}').toString('base64url'),
      ]) {
        await expect(store.search({ limit: 5, token })).rejects.toMatchObject({
          code: 'CATALOG_INVALID_SEARCH',
        });
      }
    });
  });
}
