/**
 * Per-collection, per-month summaries of the items, from which aggregations over whole months are added up
 * without touching the items again: item count, counts per day, term counts (platform, constellation,
 * instruments, keywords, providers), item centres per 1° cell, and min/max of the numeric and datetime
 * columns.
 *
 * Summaries are built lazily, by one scan of a collection's rows the first time an aggregation needs them,
 * kept in memory, and dropped for a collection whenever it is written to. Writes therefore pay nothing for
 * aggregations, and repeated aggregations cost milliseconds; the first one after a write costs a scan of
 * the written collection (about a second per 500,000 items).
 *
 * Keywords and providers: an item without its own `properties.keywords` / `providers` is counted under the
 * sentinel {@link INHERITED}, which the aggregator expands into its collection's current values.
 */
import type { StatementCache } from './statement-cache.js';
import { boxCentre } from './bbox-geometry.js';

/** Term value standing for "the collection's keywords/providers" (the item has none of its own). */
export const INHERITED = '\u0000inherited';

/** Term fields counted in the summaries. */
export const SUMMARY_TERM_FIELDS = [
  'platform',
  'constellation',
  'instruments',
  'keywords',
  'providers',
] as const;

/** Item columns whose min and max are kept, by the SQL expression the item resolver gives them. */
export const SUMMARY_RANGE_COLUMNS = [
  'i.dt_start',
  'i.dt_end',
  'i.cloud_cover',
  'i.gsd',
  'i.off_nadir',
  'i.relative_orbit',
  'i.created',
  'i.updated',
] as const;

export interface MonthSummary {
  count: number;
  days: Map<number, number>;
  terms: Map<string, Map<string, number>>;
  /** Items per 1° cell while building, keyed by {@link cellKey}; then packed into the two arrays below. */
  cells: Map<number, number>;
  cellKeys: Int32Array;
  cellCounts: Int32Array;
  min: Map<string, number>;
  max: Map<string, number>;
}

export const DAY_MS = 86_400_000;

/** Index of the UTC month holding `ms` (months since year 0). */
export function monthIndex(ms: number): number {
  const date = new Date(ms);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

/** First instant of a month index. */
export function monthStart(month: number): number {
  return Date.UTC(Math.floor(month / 12), month % 12, 1);
}

/** A 1° cell (ix in [-180, 180], iy in [-90, 90]) as one number, cheaper to count than a string key. */
export const cellKey = (ix: number, iy: number): number => (ix + 180) * 512 + (iy + 90);

/** Number of distinct {@link cellKey} values. */
export const CELL_KEY_SPACE = 361 * 512;

/** The [ix, iy] of a {@link cellKey}. */
export const cellOfKey = (key: number): [number, number] => [Math.floor(key / 512) - 180, (key % 512) - 90];

const bump = (map: Map<string, number>, key: string, n = 1) => map.set(key, (map.get(key) ?? 0) + n);

type SummaryRow = [
  number, // dt_start
  number, // dt_end
  number | null, // cloud_cover
  number | null, // gsd
  number | null, // off_nadir
  number | null, // relative_orbit
  number | null, // created
  number | null, // updated
  string | null, // platform
  string | null, // constellation
  string | null, // instruments
  string | null, // keywords
  string | null, // providers
  number | null, // minx
  number | null, // miny
  number | null, // maxx
  number | null, // maxy
];

const SUMMARY_SQL = `SELECT dt_start, dt_end, cloud_cover, gsd, off_nadir, relative_orbit, created, updated,
  platform, constellation, instruments, keywords, providers, minx, miny, maxx, maxy
  FROM items WHERE collection = (SELECT id FROM collections WHERE collection_key = ?)`;

function emptySummary(): MonthSummary {
  return {
    count: 0,
    days: new Map(),
    terms: new Map(),
    cells: new Map(),
    cellKeys: new Int32Array(0),
    cellCounts: new Int32Array(0),
    min: new Map(),
    max: new Map(),
  };
}

function termsOf(summary: MonthSummary, field: string): Map<string, number> {
  let counts = summary.terms.get(field);
  if (!counts) summary.terms.set(field, (counts = new Map()));
  return counts;
}

/** Lazily built, write-invalidated month summaries of each collection. */
export class SummaryCache {
  private readonly byCollection = new Map<number, Map<number, MonthSummary>>();

  constructor(private readonly statements: StatementCache) {}

  /** Forgets the summaries of collections that were written to (all when undefined). */
  invalidate(collectionKeys?: Iterable<number>): void {
    if (!collectionKeys) return this.byCollection.clear();
    for (const key of collectionKeys) this.byCollection.delete(key);
  }

  /** Month index → summary for one collection. */
  months(collectionKey: number): Map<number, MonthSummary> {
    let months = this.byCollection.get(collectionKey);
    if (!months) {
      months = this.build(collectionKey);
      this.byCollection.set(collectionKey, months);
    }
    return months;
  }

  private build(collectionKey: number): Map<number, MonthSummary> {
    const months = new Map<number, MonthSummary>();
    // Keyword and instrument lists repeat across items: parse each distinct JSON text once.
    const parsed = new Map<string, Set<string>>();
    const valuesOf = (text: string): Set<string> => {
      let values = parsed.get(text);
      if (!values) parsed.set(text, (values = new Set(JSON.parse(text) as string[])));
      return values;
    };
    const rows = this.statements
      .get(SUMMARY_SQL)
      .raw()
      .iterate(collectionKey) as IterableIterator<SummaryRow>;
    for (const row of rows) {
      const month = monthIndex(row[0]);
      let summary = months.get(month);
      if (!summary) months.set(month, (summary = emptySummary()));
      summary.count++;
      const day = Math.floor(row[0] / DAY_MS);
      summary.days.set(day, (summary.days.get(day) ?? 0) + 1);
      for (let c = 0; c < SUMMARY_RANGE_COLUMNS.length; c++) {
        const value = row[c] as number | null;
        if (value === null) continue;
        const column = SUMMARY_RANGE_COLUMNS[c];
        const min = summary.min.get(column);
        if (min === undefined || value < min) summary.min.set(column, value);
        const max = summary.max.get(column);
        if (max === undefined || value > max) summary.max.set(column, value);
      }
      if (row[8] !== null) bump(termsOf(summary, 'platform'), row[8]);
      if (row[9] !== null) bump(termsOf(summary, 'constellation'), row[9]);
      if (row[10] !== null) for (const v of valuesOf(row[10])) bump(termsOf(summary, 'instruments'), v);
      for (const [field, text] of [
        ['keywords', row[11]],
        ['providers', row[12]],
      ] as const) {
        const counts = termsOf(summary, field);
        if (text === null) bump(counts, INHERITED);
        else for (const v of valuesOf(text)) bump(counts, v);
      }
      const centre = boxCentre(row[13], row[14], row[15], row[16]);
      if (centre) {
        const key = cellKey(Math.floor(centre[0] + 1e-9), Math.floor(centre[1] + 1e-9));
        summary.cells.set(key, (summary.cells.get(key) ?? 0) + 1);
      }
    }
    // Packed arrays add up an order of magnitude faster than Map iteration when many months are summed.
    for (const summary of months.values()) {
      summary.cellKeys = Int32Array.from(summary.cells.keys());
      summary.cellCounts = Int32Array.from(summary.cells.values());
      summary.cells.clear();
    }
    return months;
  }
}
