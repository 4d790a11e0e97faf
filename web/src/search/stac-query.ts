/**
 * Translates the portal's search state into a STAC API item search and into the matching aggregation request,
 * so that facet counts always describe exactly the result list.
 */
import type { Facet, SearchState } from './search-state.js';

export interface StacSearchBody {
  limit: number;
  q?: string;
  bbox?: number[];
  datetime?: string;
  collections?: string[];
  filter?: unknown;
  'filter-lang'?: 'cql2-json';
  sortby?: { field: string; direction: 'asc' | 'desc' }[];
  token?: string;
}

export const PAGE_SIZE = 12;

/** Facet name → the queryable it filters on (collections use the `collections` parameter instead). */
const FACET_PROPERTY: Record<Exclude<Facet, 'collections'>, string> = {
  keywords: 'keywords',
  providers: 'providers',
  platforms: 'platform',
  instruments: 'instruments',
};

/** The STAC datetime interval of a state: open ends are `..`. */
export function datetimeInterval(state: SearchState): string | undefined {
  if (!state.from && !state.to) return undefined;
  const start = state.from ? `${state.from}T00:00:00Z` : '..';
  const end = state.to ? `${state.to}T23:59:59Z` : '..';
  return `${start}/${end}`;
}

/**
 * CQL2-JSON for the selected facets: values of one facet are ORed, facets are ANDed.
 * Array-valued properties (keywords, instruments, providers) use A_OVERLAPS.
 */
export function facetFilter(state: SearchState, except?: Facet): unknown | undefined {
  const clauses: unknown[] = [];
  for (const [facet, property] of Object.entries(FACET_PROPERTY) as [
    Exclude<Facet, 'collections'>,
    string,
  ][]) {
    const values = state.selected[facet];
    if (facet === except || values.length === 0) continue;
    if (facet === 'platforms') {
      clauses.push({ op: 'in', args: [{ property }, values] });
    } else {
      clauses.push({ op: 'a_overlaps', args: [{ property }, values] });
    }
  }
  if (clauses.length === 0) return undefined;
  return clauses.length === 1 ? clauses[0] : { op: 'and', args: clauses };
}

export function toSearchBody(state: SearchState): StacSearchBody {
  const body: StacSearchBody = { limit: PAGE_SIZE };
  if (state.q.trim()) body.q = state.q.trim();
  if (state.bbox) body.bbox = state.bbox;
  const datetime = datetimeInterval(state);
  if (datetime) body.datetime = datetime;
  if (state.selected.collections.length) body.collections = state.selected.collections;
  const filter = facetFilter(state);
  if (filter) {
    body.filter = filter;
    body['filter-lang'] = 'cql2-json';
  }
  // Relevance ranks keyword matches (a Fournaise extension of the sort extension); without keywords there is
  // nothing to rank and the catalogue's default order, newest first, applies.
  if (state.sort === 'relevance' && body.q) body.sortby = [{ field: 'relevance', direction: 'desc' }];
  if (state.sort === 'date-desc') body.sortby = [{ field: 'datetime', direction: 'desc' }];
  if (state.sort === 'date-asc') body.sortby = [{ field: 'datetime', direction: 'asc' }];
  if (state.token) body.token = state.token;
  return body;
}
