/**
 * Conformance: aggregations, unfiltered (pre-aggregated path) and filtered (row path), checked against
 * counts computed from the fixtures. Keywords and providers count an item under its own values, or under its
 * collection's when it has none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AggregationResult, CatalogStore } from '../../src/catalog/store/catalog-store.js';
import type { ItemSearch } from '../../src/catalog/search/item-search.js';
import type { StacItem } from '../../src/catalog/model/stac-types.js';
import { BACKENDS, createLoadedStore } from './backends.js';
import { ALL_ITEMS, COLLECTIONS, PLEIADES } from './fixtures.js';
import { endOf, squareBox, squaresOverlapping, startOf } from './search-helpers.js';

const tally = (values: string[]): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
};
const bucketsOf = (result: AggregationResult) =>
  Object.fromEntries((result.buckets ?? []).map((b) => [b.key, b.frequency]));
const collectionOf = (item: StacItem) => COLLECTIONS.find((c) => c.id === item.collection)!;
const keywordsOf = (item: StacItem) =>
  (item.properties.keywords as string[] | undefined) ?? collectionOf(item).keywords ?? [];
const providersOf = (item: StacItem) => (collectionOf(item).providers ?? []).map((p) => p.name);
const monthOf = (item: StacItem) => `${new Date(startOf(item)).toISOString().slice(0, 7)}-01T00:00:00.000Z`;
const cellOf = (item: StacItem, size: number) => {
  const [w, s, e, n] = (item.bbox as number[] | undefined) ?? squareBox(item);
  let x = w <= e ? (w + e) / 2 : (w + e + 360) / 2;
  if (x > 180) x -= 360;
  return `${Math.floor(x / size + 1e-9)},${Math.floor((s + n) / 2 / size + 1e-9)}`;
};

const REQUESTS = [
  { name: 'total', kind: 'total_count' as const },
  { name: 'collection', kind: 'terms' as const, field: 'collection' },
  { name: 'platform', kind: 'terms' as const, field: 'platform' },
  { name: 'instruments', kind: 'terms' as const, field: 'instruments' },
  { name: 'keywords', kind: 'terms' as const, field: 'keywords' },
  { name: 'providers', kind: 'terms' as const, field: 'providers' },
  { name: 'month', kind: 'datetime_histogram' as const, interval: 'month' as const },
  { name: 'grid1', kind: 'geo_grid' as const, cellDegrees: 1 },
  { name: 'grid005', kind: 'geo_grid' as const, cellDegrees: 0.05 },
  { name: 'minCloud', kind: 'min' as const, field: 'eo:cloud_cover' },
  { name: 'maxCloud', kind: 'max' as const, field: 'eo:cloud_cover' },
  { name: 'maxDatetime', kind: 'max' as const, field: 'datetime' },
];

function expectAggregations(results: AggregationResult[], items: StacItem[]): void {
  const byName = Object.fromEntries(results.map((r) => [r.name, r]));
  expect(byName.total).toMatchObject({ data_type: 'integer', value: items.length });
  expect(bucketsOf(byName.collection)).toEqual(tally(items.map((i) => i.collection as string)));
  expect(bucketsOf(byName.platform)).toEqual(tally(items.map((i) => i.properties.platform as string)));
  expect(bucketsOf(byName.instruments)).toEqual(
    tally(items.flatMap((i) => (i.properties.instruments as string[]) ?? [])),
  );
  expect(bucketsOf(byName.keywords)).toEqual(tally(items.flatMap(keywordsOf)));
  expect(bucketsOf(byName.providers)).toEqual(tally(items.flatMap(providersOf)));
  expect(bucketsOf(byName.month)).toEqual(tally(items.map(monthOf)));
  expect(bucketsOf(byName.grid1)).toEqual(tally(items.map((i) => cellOf(i, 1))));
  expect(bucketsOf(byName.grid005)).toEqual(tally(items.map((i) => cellOf(i, 0.05))));
  const clouds = items
    .map((i) => i.properties['eo:cloud_cover'])
    .filter((v): v is number => typeof v === 'number');
  expect(byName.minCloud).toMatchObject({ data_type: 'numeric', value: Math.min(...clouds) });
  expect(byName.maxCloud).toMatchObject({ data_type: 'numeric', value: Math.max(...clouds) });
  expect(byName.maxDatetime).toMatchObject({
    data_type: 'datetime',
    value: new Date(Math.max(...items.map(startOf))).toISOString(),
  });
}

for (const backend of BACKENDS) {
  describe(`${backend.name}: aggregation`, () => {
    let store: CatalogStore;
    beforeAll(async () => {
      store = await createLoadedStore(backend);
    });
    afterAll(async () => {
      await store.close();
    });
    const aggregate = (query: Omit<ItemSearch, 'limit'>) =>
      store.aggregate({ limit: 10, ...query }, REQUESTS);

    it('aggregates the whole catalogue', async () => {
      expectAggregations(await aggregate({}), ALL_ITEMS);
    });

    it('aggregates one collection', async () => {
      expectAggregations(
        await aggregate({ collections: [PLEIADES] }),
        ALL_ITEMS.filter((i) => i.collection === PLEIADES),
      );
    });

    it('aggregates the items of a search (bbox and datetime)', async () => {
      const box: [number, number, number, number] = [55.2, -21.3, 55.65, -21.0];
      // The box also crosses the lower-left (filled) half of the triangle item.
      const inBox = new Set([...squaresOverlapping(box), 'pleiades-8']);
      expectAggregations(
        await aggregate({ bbox: box }),
        ALL_ITEMS.filter((i) => inBox.has(i.id)),
      );
      const start = Date.parse('2023-08-01T00:00:00Z');
      const end = Date.parse('2024-02-15T00:00:00Z');
      expectAggregations(
        await aggregate({ datetime: { start, end } }),
        ALL_ITEMS.filter((i) => endOf(i) >= start && startOf(i) <= end),
      );
    });

    it('returns day and year histograms with bucket bounds', async () => {
      const [year, day] = await store.aggregate({ limit: 1 }, [
        { name: 'year', kind: 'datetime_histogram', interval: 'year' },
        { name: 'day', kind: 'datetime_histogram', interval: 'day' },
      ]);
      expect(bucketsOf(year)).toEqual(
        tally(ALL_ITEMS.map((i) => `${new Date(startOf(i)).getUTCFullYear()}-01-01T00:00:00.000Z`)),
      );
      expect(year.buckets?.[0]).toMatchObject({
        from: '2021-01-01T00:00:00.000Z',
        to: '2022-01-01T00:00:00.000Z',
      });
      expect(bucketsOf(day)).toEqual(
        tally(ALL_ITEMS.map((i) => `${new Date(startOf(i)).toISOString().slice(0, 10)}T00:00:00.000Z`)),
      );
    });

    it('counts terms of any queryable, limited with the rest in overflow', async () => {
      const [tiles] = await store.aggregate({ limit: 1 }, [
        { name: 'tiles', kind: 'terms', field: 's2:tile', limit: 2 },
      ]);
      const expected = tally(ALL_ITEMS.map((i) => i.properties['s2:tile'] as string).filter(Boolean));
      const top = Object.entries(expected).sort(([a, m], [b, n]) => n - m || a.localeCompare(b));
      expect(tiles.buckets?.map((b) => [b.key, b.frequency])).toEqual(top.slice(0, 2));
      expect(tiles.overflow).toBe(top.slice(2).reduce((sum, [, n]) => sum + n, 0));
    });

    it('returns the grid cells with most items, the rest in overflow', async () => {
      // Whole catalogue (summaries) and a bbox search (rows) take different paths.
      for (const query of [{}, { bbox: [55.2, -21.3, 55.65, -21.0] as [number, number, number, number] }]) {
        const [all] = await store.aggregate({ limit: 1, ...query }, [
          { name: 'grid', kind: 'geo_grid', cellDegrees: 0.05 },
        ]);
        const [top] = await store.aggregate({ limit: 1, ...query }, [
          { name: 'grid', kind: 'geo_grid', cellDegrees: 0.05, limit: 3 },
        ]);
        const cells = all.buckets ?? [];
        expect(cells.length).toBeGreaterThan(3);
        expect(all.overflow).toBe(0);
        expect(top.buckets).toEqual(cells.slice(0, 3));
        expect(top.overflow).toBe(cells.slice(3).reduce((sum, cell) => sum + cell.frequency, 0));
      }
    });

    it('keeps pre-aggregations right after deletes and upserts', async () => {
      const before = bucketsOf((await store.aggregate({ limit: 1 }, [REQUESTS[2]]))[0]);
      await store.deleteItem(PLEIADES, 'pleiades-0');
      const after = bucketsOf((await store.aggregate({ limit: 1 }, [REQUESTS[2]]))[0]);
      expect(after['pleiades-1a']).toBe(before['pleiades-1a'] - 1);
      const restored = ALL_ITEMS.find((i) => i.id === 'pleiades-0')!;
      await store.writeItems([JSON.parse(JSON.stringify(restored))], 'upsert');
      expectAggregations(await aggregate({}), ALL_ITEMS);
    });

    it('rejects aggregating a field that is not a queryable', async () => {
      await expect(
        store.aggregate({ limit: 1 }, [{ name: 'x', kind: 'terms', field: 'no:such' }]),
      ).rejects.toMatchObject({
        code: 'CATALOG_UNKNOWN_QUERYABLE',
      });
      await expect(
        store.aggregate({ limit: 1 }, [{ name: 'x', kind: 'min', field: 'platform' }]),
      ).rejects.toMatchObject({
        code: 'CATALOG_INVALID_SEARCH',
      });
    });
  });
}
