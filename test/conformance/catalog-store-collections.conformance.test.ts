/** Conformance: collection search (bbox, datetime, q, filter, sort, paging) and queryables. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogStore } from '../../src/catalog/store/catalog-store.js';
import type { CollectionSearch } from '../../src/catalog/search/item-search.js';
import { BACKENDS, createLoadedStore } from './backends.js';
import { FIJI, PLEIADES, S2 } from './fixtures.js';

for (const backend of BACKENDS) {
  describe(`${backend.name}: collection search and queryables`, () => {
    let store: CatalogStore;
    beforeAll(async () => {
      store = await createLoadedStore(backend);
    });
    afterAll(async () => {
      await store.close();
    });
    const ids = async (query: Omit<CollectionSearch, 'limit'>) =>
      (await store.searchCollections({ limit: 10, ...query })).collections.map((c) => c.id);

    it('lists every collection by id with an exact count', async () => {
      const page = await store.searchCollections({ limit: 10 });
      expect(page.collections.map((c) => c.id)).toEqual([FIJI, PLEIADES, S2]);
      expect(page.numberMatched).toBe(3);
    });

    it('filters by spatial extent, across the antimeridian too', async () => {
      expect(await ids({ bbox: [55.5, -21.25, 55.7, -21.22] })).toEqual([PLEIADES, S2]);
      expect(await ids({ bbox: [55.21, -20.9, 55.3, -20.85] })).toEqual([S2]);
      expect(await ids({ bbox: [179, -18, -179.5, -17] })).toEqual([FIJI]);
      expect(await ids({ bbox: [-179.5, -18, -179.2, -17] })).toEqual([FIJI]);
      expect(await ids({ bbox: [0, 0, 1, 1] })).toEqual([]);
    });

    it('filters by temporal extent, open ends included', async () => {
      const at = (iso: string) => Date.parse(iso);
      expect(
        await ids({ datetime: { start: at('2023-08-01T00:00:00Z'), end: at('2023-08-31T00:00:00Z') } }),
      ).toEqual([PLEIADES]);
      expect(await ids({ datetime: { start: at('2030-01-01T00:00:00Z') } })).toEqual([S2]);
      expect(await ids({ datetime: { end: at('2021-06-01T00:00:00Z') } })).toEqual([FIJI]);
    });

    it('finds free text in titles, descriptions, keywords and providers, without accents', async () => {
      expect(await ids({ q: 'volcan' })).toEqual([PLEIADES]);
      expect(await ids({ q: 'Réflectance' })).toEqual([S2]);
      // Ids are indexed too: both Réunion collections carry it in their id.
      expect(await ids({ q: 'reunion' })).toEqual([PLEIADES, S2]);
      expect(await ids({ q: 'THEIA' })).toEqual([S2]);
      expect(await ids({ q: 'eruption, fiji' })).toEqual([FIJI, PLEIADES]);
      expect(await ids({ q: 'id:fiji' })).toEqual([]);
    });

    it('filters with CQL2 and sorts by a queryable', async () => {
      expect(
        await ids({ filter: { op: 'a_contains', args: [{ property: 'keywords' }, ['mosaic']] } }),
      ).toEqual([FIJI]);
      expect(await ids({ filter: { op: 'like', args: [{ property: 'title' }, 'P%'] } })).toEqual([PLEIADES]);
      expect(await ids({ sortby: [{ field: 'datetime', direction: 'desc' }] })).toEqual([S2, PLEIADES, FIJI]);
      await expect(
        store.searchCollections({ limit: 5, sortby: [{ field: 'nope', direction: 'asc' }] }),
      ).rejects.toMatchObject({
        code: 'CATALOG_UNKNOWN_QUERYABLE',
      });
    });

    it('pages with next and prev tokens', async () => {
      const first = await store.searchCollections({ limit: 2 });
      expect(first.collections.map((c) => c.id)).toEqual([FIJI, PLEIADES]);
      const second = await store.searchCollections({ limit: 2, token: first.next });
      expect(second.collections.map((c) => c.id)).toEqual([S2]);
      expect(second.next).toBeUndefined();
      const back = await store.searchCollections({ limit: 2, token: second.prev });
      expect(back.collections.map((c) => c.id)).toEqual([FIJI, PLEIADES]);
      expect(back.prev).toBeUndefined();
    });

    it('serves queryables as a JSON Schema with core and observed properties', async () => {
      const schema = (await store.queryables()) as {
        $schema: string;
        type: string;
        additionalProperties: boolean;
        properties: Record<string, { type?: string | string[]; format?: string }>;
      };
      expect(schema.$schema).toBe('https://json-schema.org/draft/2019-09/schema');
      expect(schema.type).toBe('object');
      expect(schema.additionalProperties).toBe(false);
      for (const name of [
        'id',
        'collection',
        'datetime',
        'geometry',
        'eo:cloud_cover',
        'platform',
        'instruments',
        'gsd',
        'keywords',
      ]) {
        expect(schema.properties[name], name).toBeDefined();
      }
      expect(schema.properties.datetime).toMatchObject({ type: 'string', format: 'date-time' });
      expect(schema.properties['s2:tile']).toMatchObject({ type: 'string' });
      const pleiades = (await store.queryables(PLEIADES)) as { properties: Record<string, unknown> };
      expect(pleiades.properties['s2:tile']).toBeUndefined();
      expect(pleiades.properties['view:off_nadir']).toBeDefined();
      await expect(store.queryables('nope')).rejects.toMatchObject({ code: 'CATALOG_COLLECTION_NOT_FOUND' });
    });
  });
}
