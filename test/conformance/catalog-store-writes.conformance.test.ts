/** Conformance: writing and reading collections and items, write modes, atomic batches. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CatalogStore } from '../../src/catalog/store/catalog-store.js';
import type { StacItem } from '../../src/catalog/model/stac-types.js';
import { BACKENDS, createLoadedStore } from './backends.js';
import {
  ALL_ITEMS,
  clone,
  COLLECTIONS,
  FIJI_ITEMS,
  PLEIADES,
  PLEIADES_ITEMS,
  S2,
  S2_ITEMS,
} from './fixtures.js';

const countAll = async (store: CatalogStore) => (await store.search({ limit: 1 })).numberMatched;

for (const backend of BACKENDS) {
  describe(`${backend.name}: writes`, () => {
    let store: CatalogStore;
    beforeEach(async () => {
      store = await createLoadedStore(backend);
    });
    afterEach(async () => {
      await store.close();
    });

    it('returns every item exactly as written, field by field', async () => {
      for (const item of ALL_ITEMS) {
        expect(await store.getItem(item.collection as string, item.id)).toEqual(item);
      }
    });

    it('returns collections exactly as written', async () => {
      for (const collection of COLLECTIONS)
        expect(await store.getCollection(collection.id)).toEqual(collection);
      expect(await store.getCollection('nope')).toBeUndefined();
    });

    it('keeps unknown fields, nested objects and null geometry', async () => {
      const odd: StacItem = {
        ...clone(S2_ITEMS[0]),
        id: 'odd',
        geometry: null,
        bbox: undefined,
        'x:top': { nested: [1, { deep: 'é' }] },
        properties: { datetime: '2024-02-02T00:00:00.123Z', 'x:custom': [true, null, 3.5], empty: {} },
      };
      delete odd.bbox;
      await store.writeItems([clone(odd)], 'insert');
      expect(await store.getItem(S2, 'odd')).toEqual(odd);
    });

    it('insert rejects a duplicate with ItemExistsError and writes nothing of the batch', async () => {
      const fresh = { ...clone(S2_ITEMS[1]), id: 'fresh' };
      await expect(store.writeItems([fresh, clone(S2_ITEMS[0])], 'insert')).rejects.toMatchObject({
        code: 'CATALOG_ITEM_EXISTS',
      });
      expect(await store.getItem(S2, 'fresh')).toBeUndefined();
      expect(await countAll(store)).toBe(ALL_ITEMS.length);
    });

    it('insert rejects the same id twice in one batch', async () => {
      const a = { ...clone(S2_ITEMS[1]), id: 'twice' };
      await expect(store.writeItems([a, clone(a)], 'insert')).rejects.toMatchObject({
        code: 'CATALOG_ITEM_EXISTS',
      });
      expect(await store.getItem(S2, 'twice')).toBeUndefined();
    });

    it('rejects an unknown collection with CollectionNotFoundError and writes nothing', async () => {
      const good = { ...clone(S2_ITEMS[2]), id: 'good' };
      const lost = { ...clone(S2_ITEMS[3]), id: 'lost', collection: 'no-such-collection' };
      await expect(store.writeItems([good, lost], 'insert')).rejects.toMatchObject({
        code: 'CATALOG_COLLECTION_NOT_FOUND',
      });
      expect(await store.getItem(S2, 'good')).toBeUndefined();
    });

    it('rejects an item without datetime and writes nothing of the batch', async () => {
      const good = { ...clone(S2_ITEMS[2]), id: 'good' };
      const bad = { ...clone(S2_ITEMS[3]), id: 'bad', properties: { datetime: null } };
      await expect(store.writeItems([good, bad], 'insert')).rejects.toMatchObject({
        code: 'CATALOG_INVALID_STAC',
      });
      expect(await store.getItem(S2, 'good')).toBeUndefined();
    });

    it('upsert replaces existing items and inserts new ones; the old values are no longer found', async () => {
      const changed = clone(S2_ITEMS[0]);
      changed.properties['eo:cloud_cover'] = 99.5;
      changed.properties.platform = 'replaced-platform';
      const added = { ...clone(S2_ITEMS[1]), id: 'added' };
      expect(await store.writeItems([changed, added], 'upsert')).toEqual({
        inserted: 1,
        updated: 1,
        skipped: 0,
      });
      expect(await store.getItem(S2, changed.id)).toEqual(changed);
      expect(await countAll(store)).toBe(ALL_ITEMS.length + 1);
      const byOldPlatform = await store.aggregate({ limit: 1 }, [
        { name: 'p', kind: 'terms', field: 'platform' },
      ]);
      const buckets = Object.fromEntries((byOldPlatform[0].buckets ?? []).map((b) => [b.key, b.frequency]));
      expect(buckets['replaced-platform']).toBe(1);
      expect(buckets['sentinel-2a']).toBe(
        S2_ITEMS.filter((it) => it.properties.platform === 'sentinel-2a').length - 1,
      );
    });

    it('skip-existing keeps the stored version and counts the skipped items', async () => {
      const changed = clone(S2_ITEMS[0]);
      changed.properties.title = 'should not be written';
      const added = { ...clone(S2_ITEMS[1]), id: 'added' };
      expect(await store.writeItems([changed, added], 'skip-existing')).toEqual({
        inserted: 1,
        updated: 0,
        skipped: 1,
      });
      expect(await store.getItem(S2, changed.id)).toEqual(S2_ITEMS[0]);
    });

    it('deletes an item, and throws ItemNotFoundError for a missing one', async () => {
      await store.deleteItem(PLEIADES, PLEIADES_ITEMS[0].id);
      expect(await store.getItem(PLEIADES, PLEIADES_ITEMS[0].id)).toBeUndefined();
      expect(await countAll(store)).toBe(ALL_ITEMS.length - 1);
      await expect(store.deleteItem(PLEIADES, 'missing')).rejects.toMatchObject({
        code: 'CATALOG_ITEM_NOT_FOUND',
      });
      const found = await store.search({ q: 'Fournaise', limit: 50, collections: [PLEIADES] });
      expect(found.items.map((i) => i.id)).not.toContain(PLEIADES_ITEMS[0].id);
    });

    it('deleting a collection deletes its items; they no longer match any search', async () => {
      await store.deleteCollection(PLEIADES);
      expect(await store.getCollection(PLEIADES)).toBeUndefined();
      expect(await store.getItem(PLEIADES, PLEIADES_ITEMS[1].id)).toBeUndefined();
      expect(await countAll(store)).toBe(S2_ITEMS.length + FIJI_ITEMS.length);
      const spatial = await store.search({ bbox: [55.6, -21.3, 55.8, -21.2], limit: 100 });
      expect(spatial.items.every((item) => item.collection !== PLEIADES)).toBe(true);
      await expect(store.deleteCollection(PLEIADES)).rejects.toMatchObject({
        code: 'CATALOG_COLLECTION_NOT_FOUND',
      });
    });

    it('putCollection modes: insert rejects an existing id, upsert replaces, skip-existing skips', async () => {
      await expect(store.putCollection(clone(COLLECTIONS[0]), 'insert')).rejects.toMatchObject({
        code: 'CATALOG_COLLECTION_EXISTS',
      });
      const changed = { ...clone(COLLECTIONS[0]), title: 'Nouveau titre' };
      expect(await store.putCollection(changed, 'skip-existing')).toEqual({
        inserted: 0,
        updated: 0,
        skipped: 1,
      });
      expect(await store.getCollection(S2)).toEqual(COLLECTIONS[0]);
      expect(await store.putCollection(clone(changed), 'upsert')).toEqual({
        inserted: 0,
        updated: 1,
        skipped: 0,
      });
      expect(await store.getCollection(S2)).toEqual(changed);
      expect(
        (await store.searchCollections({ q: 'nouveau', limit: 10 })).collections.map((c) => c.id),
      ).toEqual([S2]);
      expect(await store.getItem(S2, S2_ITEMS[0].id)).toEqual(S2_ITEMS[0]);
    });

    it('advertises its capabilities', () => {
      expect(store.capabilities).toEqual({
        filter: true,
        sort: true,
        freeText: true,
        aggregation: true,
        transactions: true,
        collectionSearch: true,
      });
    });
  });
}
