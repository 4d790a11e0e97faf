/** Conformance: CQL2 filters on items (typed columns, observed properties, spatial, temporal, arrays). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogStore } from '../../src/catalog/store/catalog-store.js';
import type { Cql2Expression } from '../../src/catalog/cql2/cql2-expression.js';
import type { StacItem } from '../../src/catalog/model/stac-types.js';
import { BACKENDS, createLoadedStore } from './backends.js';
import { ALL_ITEMS, idsOf, S2_ITEMS, TRIANGLE } from './fixtures.js';
import { collectPages, endOf, squaresOverlapping, startOf } from './search-helpers.js';

const prop = (property: string) => ({ property });
const where = (test: (item: StacItem) => boolean) => idsOf(ALL_ITEMS.filter(test));
const cloud = (item: StacItem) => item.properties['eo:cloud_cover'];

for (const backend of BACKENDS) {
  describe(`${backend.name}: CQL2 filter`, () => {
    let store: CatalogStore;
    beforeAll(async () => {
      store = await createLoadedStore(backend);
    });
    afterAll(async () => {
      await store.close();
    });
    const filtered = async (filter: Cql2Expression, limit = 100) =>
      idsOf((await store.search({ filter, limit })).items);

    it('compares typed numeric and text properties', async () => {
      const expected = where((item) => typeof cloud(item) === 'number' && (cloud(item) as number) < 10);
      expect(expected.length).toBeGreaterThan(1);
      expect(await filtered({ op: '<', args: [prop('eo:cloud_cover'), 10] })).toEqual(expected);
      expect(
        await filtered({
          op: 'and',
          args: [
            { op: '<', args: [prop('eo:cloud_cover'), 50] },
            { op: '=', args: [prop('platform'), 'sentinel-2a'] },
          ],
        }),
      ).toEqual(
        where(
          (item) =>
            (cloud(item) as number) < 50 &&
            cloud(item) !== null &&
            item.properties.platform === 'sentinel-2a' &&
            cloud(item) !== undefined,
        ),
      );
      expect(await filtered({ op: 'isNull', args: [prop('eo:cloud_cover')] })).toEqual(
        where((item) => cloud(item) === null || cloud(item) === undefined),
      );
    });

    it('filters on a property without a typed column', async () => {
      expect(await filtered({ op: '=', args: [prop('s2:tile'), '40KCA'] })).toEqual(
        where((item) => item.properties['s2:tile'] === '40KCA'),
      );
    });

    it('filters on ids and collections like the core parameters', async () => {
      expect(await filtered({ op: 'in', args: [prop('id'), ['s2-01', 'fiji-east', 'nope']] })).toEqual([
        'fiji-east',
        's2-01',
      ]);
      expect(await filtered({ op: '=', args: [prop('collection'), 'fiji-mosaic'] })).toEqual([
        'fiji-across',
        'fiji-east',
        'fiji-west',
      ]);
    });

    it('tests geometry exactly with s_intersects', async () => {
      const corner = {
        type: 'Polygon',
        coordinates: [
          [
            [55.585, -20.915],
            [55.595, -20.915],
            [55.595, -20.905],
            [55.585, -20.915],
          ],
        ],
      };
      expect(
        await filtered({ op: 's_intersects', args: [prop('geometry'), corner as Cql2Expression] }),
      ).toEqual([]);
      expect(
        await filtered({ op: 's_intersects', args: [prop('geometry'), TRIANGLE as Cql2Expression] }),
      ).toEqual(
        [
          ...squaresOverlapping([55.4, -21.1, 55.6, -20.9]).filter((id) => {
            // Squares overlapping the triangle's bbox but entirely beyond its hypotenuse x + y = 34.5 do not count.
            const item = ALL_ITEMS.find((it) => it.id === id) as StacItem;
            const [w, s] = item.bbox as number[];
            return w + s <= 34.5 + 1e-9;
          }),
          'pleiades-8',
        ].sort(),
      );
    });

    it('tests datetime as the item interval with t_intersects', async () => {
      const start = Date.parse('2023-07-01T00:00:00Z');
      const end = Date.parse('2023-08-11T00:00:00Z');
      const expected = where((item) => endOf(item) >= start && startOf(item) <= end);
      expect(expected).toContain('pleiades-2');
      expect(
        await filtered({
          op: 't_intersects',
          args: [prop('datetime'), { interval: ['2023-07-01T00:00:00Z', '2023-08-11T00:00:00Z'] }],
        }),
      ).toEqual(expected);
    });

    it('tests arrays with a_contains', async () => {
      expect(await filtered({ op: 'a_contains', args: [prop('keywords'), ['coral']] })).toEqual(
        where((item) => ((item.properties.keywords as string[] | undefined) ?? []).includes('coral')),
      );
      expect(await filtered({ op: 'a_overlaps', args: [prop('instruments'), ['hiri', 'none']] })).toEqual(
        where((item) => item.collection === 'pleiades-reunion'),
      );
    });

    it('pages through a filtered search', async () => {
      const filter: Cql2Expression = { op: '>=', args: [prop('eo:cloud_cover'), 20] };
      const pages = await collectPages(store, { filter, limit: 4 });
      expect(pages.flat().sort()).toEqual(
        where((item) => (cloud(item) as number) >= 20 && typeof cloud(item) === 'number'),
      );
      expect(pages.flat().length).toBe(new Set(pages.flat()).size);
    });

    it('rejects a filter on a property that is not a queryable', async () => {
      await expect(
        store.search({ filter: { op: '=', args: [prop('no:such'), 1] }, limit: 5 }),
      ).rejects.toMatchObject({
        code: 'CATALOG_UNKNOWN_QUERYABLE',
      });
    });

    it('never lets a filter value change the SQL', async () => {
      const sneaky = "sentinel-2a' OR '1'='1";
      expect(await filtered({ op: '=', args: [prop('platform'), sneaky] })).toEqual([]);
      expect(S2_ITEMS.length).toBe(
        (await store.search({ collections: ['sentinel2-reunion'], limit: 1 })).numberMatched,
      );
    });
  });
}
