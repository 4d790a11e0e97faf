/**
 * The whole state of a search, and its round trip through the page URL, so that a copied link reproduces
 * the search exactly (keywords, area, period, facets, sort, page, language).
 */
import { isLanguage, type language } from '../i18n/i18n.js';

export type SortOrder = 'relevance' | 'date-desc' | 'date-asc';

export const FACETS = ['collections', 'keywords', 'providers', 'platforms', 'instruments'] as const;
export type Facet = (typeof FACETS)[number];

export interface SearchState {
  q: string;
  /** [west, south, east, north] in degrees, or undefined for the whole Earth. */
  bbox?: [number, number, number, number];
  /** Inclusive dates, `YYYY-MM-DD`. */
  from?: string;
  to?: string;
  selected: Record<Facet, string[]>;
  sort: SortOrder;
  /** Paging token of the page shown, and the page number for display. */
  token?: string;
  page: number;
  lang: ReturnType<typeof language>;
}

export function emptySearchState(lang: SearchState['lang']): SearchState {
  return {
    q: '',
    selected: { collections: [], keywords: [], providers: [], platforms: [], instruments: [] },
    sort: 'relevance',
    page: 1,
    lang,
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads a state from URL parameters, ignoring anything malformed rather than failing the page. */
export function searchStateFromUrl(params: URLSearchParams, fallbackLang: SearchState['lang']): SearchState {
  const lang = params.get('lang');
  const state = emptySearchState(isLanguage(lang) ? lang : fallbackLang);
  state.q = params.get('q') ?? '';
  const bbox = params.get('bbox')?.split(',').map(Number);
  if (bbox && bbox.length === 4 && bbox.every(Number.isFinite) && bbox[1] <= bbox[3]) {
    state.bbox = bbox as [number, number, number, number];
  }
  const from = params.get('from');
  const to = params.get('to');
  if (from && DATE.test(from)) state.from = from;
  if (to && DATE.test(to)) state.to = to;
  for (const facet of FACETS) state.selected[facet] = params.getAll(facet).filter((v) => v !== '');
  const sort = params.get('sort');
  if (sort === 'date-desc' || sort === 'date-asc' || sort === 'relevance') state.sort = sort;
  state.token = params.get('token') ?? undefined;
  const page = Number(params.get('page'));
  state.page = Number.isInteger(page) && page > 0 ? page : 1;
  return state;
}

export function searchStateToUrl(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.bbox) params.set('bbox', state.bbox.map((v) => roundCoordinate(v)).join(','));
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  for (const facet of FACETS) for (const value of state.selected[facet]) params.append(facet, value);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.token) {
    params.set('token', state.token);
    params.set('page', String(state.page));
  }
  params.set('lang', state.lang);
  return params;
}

/** Five decimals (about a metre) keep URLs short without moving the box visibly. */
function roundCoordinate(value: number): string {
  return String(Math.round(value * 1e5) / 1e5);
}
