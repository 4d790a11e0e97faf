/** Reference computations over the fixtures, independent of any store, for the search conformance tests. */
import type { StacItem } from '../../src/catalog/model/stac-types.js';
import type { CatalogStore } from '../../src/catalog/store/catalog-store.js';
import type { ItemSearch } from '../../src/catalog/search/item-search.js';
import { ALL_ITEMS } from './fixtures.js';

/** Start instant of an item: datetime, or start_datetime for a range. */
export const startOf = (item: StacItem): number =>
  Date.parse((item.properties.datetime ?? item.properties.start_datetime) as string);
export const endOf = (item: StacItem): number =>
  Date.parse((item.properties.datetime ?? item.properties.end_datetime) as string);

/** Whether two plain [w, s, e, n] boxes overlap (touching counts). */
export const boxesOverlap = (a: number[], b: number[]): boolean =>
  a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];

/** The [w, s, e, n] of a square footprint, from its corners. */
export const squareBox = (item: StacItem): number[] => {
  const ring = (item.geometry as { coordinates: number[][][] }).coordinates[0];
  return [ring[0][0], ring[0][1], ring[2][0], ring[2][1]];
};

/** Items whose footprint is a square (5-position ring, not crossing the antimeridian) overlapping the box. */
export const squaresOverlapping = (box: number[], items: StacItem[] = ALL_ITEMS): string[] =>
  items
    .filter((item) => item.geometry?.type === 'Polygon' && item.geometry.coordinates[0].length === 5)
    .filter((item) => boxesOverlap(squareBox(item), box))
    .map((item) => item.id)
    .sort();

/** The default order: datetime (start) descending, then collection, then id. */
export const defaultOrder = (items: StacItem[]): string[] =>
  [...items]
    .sort(
      (a, b) =>
        startOf(b) - startOf(a) ||
        (a.collection as string).localeCompare(b.collection as string) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    .map((item) => item.id);

/** Follows `next` tokens from the page of `query` (its token, or the first page) and returns every page's ids. */
export async function collectPages(
  store: CatalogStore,
  query: ItemSearch,
  maxPages = 100,
): Promise<string[][]> {
  const pages: string[][] = [];
  let token = query.token;
  do {
    const page = await store.search({ ...query, token });
    pages.push(page.items.map((item) => item.id));
    token = page.next;
  } while (token && pages.length < maxPages);
  return pages;
}
