/**
 * Conformance: facets are consistent. For every keyword and provider bucket of the aggregation, filtering
 * items on that value (as the portal's facets do) returns exactly the bucket's count, items that inherit
 * their collection's keywords and providers included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogStore } from '../../src/catalog/store/catalog-store.js';
import { BACKENDS, createLoadedStore } from './backends.js';

for (const backend of BACKENDS) {
  describe(`${backend.name}: facet counts match facet filters`, () => {
    let store: CatalogStore;
    beforeAll(async () => {
      store = await createLoadedStore(backend);
    });
    afterAll(async () => {
      await store.close();
    });

    for (const field of ['keywords', 'providers', 'instruments', 'platform'] as const) {
      it(`filters on every ${field} bucket`, async () => {
        const [result] = await store.aggregate({ limit: 10 }, [{ name: field, kind: 'terms', field }]);
        expect(result.buckets?.length).toBeGreaterThan(0);
        for (const bucket of result.buckets ?? []) {
          const filter =
            field === 'platform'
              ? { op: '=', args: [{ property: field }, bucket.key] }
              : { op: 'a_overlaps', args: [{ property: field }, [bucket.key]] };
          const page = await store.search({ filter, limit: 10_000 });
          expect(page.items.length, `${field} = ${bucket.key}`).toBe(bucket.frequency);
        }
      });
    }
  });
}
