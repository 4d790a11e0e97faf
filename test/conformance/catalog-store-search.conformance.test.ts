/** Conformance: item search by ids, collections, bbox (incl. antimeridian), intersects, datetime, q. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogStore } from '../../src/catalog/store/catalog-store.js';
import { BACKENDS, createLoadedStore } from './backends.js';
import { ALL_ITEMS, FIJI, idsOf, PLEIADES, PLEIADES_ITEMS, S2_ITEMS } from './fixtures.js';
import { defaultOrder, endOf, squaresOverlapping, startOf } from './search-helpers.js';

for (const backend of BACKENDS) {
  describe(`${backend.name}: item search`, () => {
    let store: CatalogStore;
    beforeAll(async () => {
      store = await createLoadedStore(backend);
    });
    afterAll(async () => {
      await store.close();
    });
    const ids = async (query: Parameters<CatalogStore['search']>[0]) =>
      idsOf((await store.search(query)).items);

    it('returns everything in the default order (datetime desc, collection, id) with an exact count', async () => {
      const page = await store.search({ limit: 100 });
      expect(page.items.map((item) => item.id)).toEqual(defaultOrder(ALL_ITEMS));
      expect(page.numberMatched).toBe(ALL_ITEMS.length);
      expect(page.next).toBeUndefined();
      expect(page.prev).toBeUndefined();
    });

    it('honours limit and says how many matched', async () => {
      const page = await store.search({ limit: 3, collections: [PLEIADES] });
      expect(page.items).toHaveLength(3);
      expect(page.numberMatched).toBe(PLEIADES_ITEMS.length);
      expect(page.next).toBeTypeOf('string');
    });

    it('filters by ids and collections', async () => {
      expect(await ids({ ids: ['s2-00', 'fiji-west', 'nope'], limit: 10 })).toEqual(['fiji-west', 's2-00']);
      expect(await ids({ ids: ['s2-00', 'fiji-west'], collections: [FIJI], limit: 10 })).toEqual([
        'fiji-west',
      ]);
      expect(await ids({ collections: [PLEIADES, FIJI], limit: 100 })).toEqual(
        idsOf(ALL_ITEMS.filter((i) => i.collection !== 'sentinel2-reunion')),
      );
      expect(await ids({ collections: ['nope'], limit: 10 })).toEqual([]);
    });

    it('filters by bbox', async () => {
      const box: [number, number, number, number] = [55.2, -21.3, 55.45, -21.15];
      const expected = squaresOverlapping(box);
      expect(expected.length).toBeGreaterThan(2);
      const page = await store.search({ bbox: box, limit: 100 });
      expect(idsOf(page.items)).toEqual(expected);
      expect(page.numberMatched).toBe(expected.length);
    });

    it('tests the exact geometry after the bbox: a triangle is not matched by a box in its empty corner', async () => {
      // The box lies inside the triangle's bbox but beyond its hypotenuse x + y = 34.5.
      const corner = await ids({ bbox: [55.55, -20.95, 55.65, -20.85], limit: 100 });
      expect(corner).not.toContain('pleiades-8');
      expect(corner).toEqual(squaresOverlapping([55.55, -20.95, 55.65, -20.85]));
      expect(await ids({ bbox: [55.41, -21.09, 55.45, -21.05], limit: 100 })).toContain('pleiades-8');
    });

    it('handles bboxes crossing the antimeridian (west > east) and items crossing it', async () => {
      expect(await ids({ bbox: [179, -19, -179, -16], limit: 10 })).toEqual(['fiji-across', 'fiji-east']);
      expect(await ids({ bbox: [177, -19, -179, -16], limit: 10 })).toEqual([
        'fiji-across',
        'fiji-east',
        'fiji-west',
      ]);
      expect(await ids({ bbox: [170, -19, 179.5, -16], limit: 10 })).toEqual(['fiji-west']);
      expect(await ids({ bbox: [-179.9, -19, -179.75, -16], limit: 10 })).toEqual([
        'fiji-across',
        'fiji-east',
      ]);
      expect(await ids({ bbox: [179.7, -18.45, 179.8, -18.3], limit: 10 })).toEqual(['fiji-across']);
      expect(await ids({ bbox: [-179.6, -18.45, -179.55, -18.3], limit: 10 })).toEqual([]);
    });

    it('filters by intersects with exact geometry', async () => {
      const emptyCorner = {
        type: 'Polygon' as const,
        coordinates: [
          [
            [55.585, -20.915],
            [55.595, -20.915],
            [55.595, -20.905],
            [55.585, -20.915],
          ],
        ],
      };
      expect(await ids({ intersects: emptyCorner, limit: 100 })).toEqual([]);
      const point = { type: 'Point' as const, coordinates: [55.42, -21.08] };
      expect(await ids({ intersects: point, limit: 100 })).toEqual(
        [...squaresOverlapping([55.42, -21.08, 55.42, -21.08]), 'pleiades-8'].sort(),
      );
      const line = {
        type: 'LineString' as const,
        coordinates: [
          [179.9, -18.4],
          [-179.9, -18.4],
        ],
      };
      expect(await ids({ intersects: line, limit: 100 })).toEqual(['fiji-across']);
    });

    it('filters by datetime: instants, closed and open ranges, against item ranges', async () => {
      const overlapping = (start?: number, end?: number) =>
        idsOf(
          ALL_ITEMS.filter(
            (item) =>
              (start === undefined || endOf(item) >= start) && (end === undefined || startOf(item) <= end),
          ),
        );
      const range = PLEIADES_ITEMS[2];
      const inside = startOf(range) + 86_400_000;
      expect(await ids({ datetime: { start: inside, end: inside }, limit: 100 })).toEqual([range.id]);
      const start = Date.parse('2024-02-01T00:00:00Z');
      const end = Date.parse('2024-03-01T00:00:00Z');
      expect(await ids({ datetime: { start, end }, limit: 100 })).toEqual(overlapping(start, end));
      expect(await ids({ datetime: { start }, limit: 100 })).toEqual(overlapping(start));
      expect(await ids({ datetime: { end }, limit: 100 })).toEqual(overlapping(undefined, end));
      const exact = S2_ITEMS[3];
      expect(await ids({ datetime: { start: startOf(exact), end: startOf(exact) }, limit: 100 })).toEqual([
        exact.id,
      ]);
    });

    it('combines bbox, datetime and collections', async () => {
      const box: [number, number, number, number] = [55.2, -21.3, 55.9, -20.8];
      const start = Date.parse('2024-01-01T00:00:00Z');
      const expected = idsOf(S2_ITEMS.filter((item) => startOf(item) >= start));
      expect(
        await ids({ bbox: box, datetime: { start }, collections: ['sentinel2-reunion'], limit: 100 }),
      ).toEqual(expected);
    });

    it('finds free text without accents or case, in item and collection text', async () => {
      expect(await ids({ q: 'eruption', limit: 100 })).toEqual(['pleiades-0']);
      expect(await ids({ q: 'ÉRUPTION', limit: 100 })).toEqual(['pleiades-0']);
      expect(await ids({ q: 'coulee', limit: 100 })).toEqual(['s2-05']);
      // "volcan" is a keyword of the Pléiades collection: every item of it matches.
      expect(await ids({ q: 'Volcan', limit: 100 })).toEqual(idsOf(PLEIADES_ITEMS));
      expect(await ids({ q: 'reunion', limit: 100, collections: [FIJI] })).toEqual([]);
    });

    it('ORs terms separated by spaces or commas, and matches quoted phrases', async () => {
      const lagoon = idsOf(
        S2_ITEMS.filter((item) => (item.properties.keywords as string[] | undefined)?.includes('lagoon')),
      );
      expect(await ids({ q: 'lagoon', limit: 100 })).toEqual(lagoon);
      expect(await ids({ q: 'coulee,eruption', limit: 100 })).toEqual(['pleiades-0', 's2-05']);
      expect(await ids({ q: 'coulee eruption', limit: 100 })).toEqual(['pleiades-0', 's2-05']);
      expect(await ids({ q: '"lave sur la cote"', limit: 100 })).toEqual(['s2-05']);
      expect(await ids({ q: '"cote sur la lave"', limit: 100 })).toEqual([]);
    });

    it('never interprets q as query syntax', async () => {
      for (const q of [
        'title:eruption',
        'eruption*',
        'NEAR(a b)',
        '") OR 1=1 --',
        "'; DROP TABLE items; --",
        'a AND',
        '{id}: x',
      ]) {
        await expect(store.search({ q, limit: 5 })).resolves.toBeDefined();
      }
      expect(await ids({ q: 'title:eruption', limit: 100 })).toEqual([]);
      expect((await store.search({ limit: 1 })).numberMatched).toBe(ALL_ITEMS.length);
      await expect(store.search({ q: '"" ,,', limit: 5 })).rejects.toMatchObject({
        code: 'CATALOG_INVALID_SEARCH',
      });
    });
  });
}
