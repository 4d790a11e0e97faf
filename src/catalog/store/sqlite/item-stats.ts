/**
 * Per-collection pre-aggregations maintained by every write: term counts (platform, constellation,
 * instruments, keywords, providers), items per day, and item centres per grid cell at a few fixed sizes.
 * A write batch accumulates signed deltas in memory and flushes one upsert per distinct key, so the cost per
 * item is a few map updates.
 *
 * Keywords and providers: an item without its own `properties.keywords` (or `providers`) is counted under
 * the sentinel value {@link INHERITED}; aggregations then attribute those items to their collection's
 * keywords (or providers).
 */
import type Database from 'better-sqlite3';
import { PRECOUNTED_CELL_DEGREES } from './sqlite-schema.js';

/** Term value counting the items that inherit keywords/providers from their collection. */
export const INHERITED = '\u0000inherited';

/** Fields whose term counts are pre-aggregated per collection. */
export const PRECOUNTED_TERM_FIELDS = [
  'platform',
  'constellation',
  'instruments',
  'keywords',
  'providers',
] as const;

const DAY_MS = 86_400_000;

/** The columns of an item row that the pre-aggregations read. */
export interface StatsRow {
  collection_key: number;
  dt_start: number;
  minx: number | null;
  miny: number | null;
  maxx: number | null;
  maxy: number | null;
  platform: string | null;
  constellation: string | null;
  instruments: string | null;
  keywords: string | null;
  providers: string | null;
}

/** The centre of an item box, with boxes crossing the antimeridian (minx > maxx) handled. */
export function boxCentre(
  row: Pick<StatsRow, 'minx' | 'miny' | 'maxx' | 'maxy'>,
): [number, number] | undefined {
  if (row.minx === null || row.miny === null || row.maxx === null || row.maxy === null) return undefined;
  let x = row.minx <= row.maxx ? (row.minx + row.maxx) / 2 : (row.minx + row.maxx + 360) / 2;
  if (x > 180) x -= 360;
  return [x, (row.miny + row.maxy) / 2];
}

/** Index of the grid cell holding `value` for cells of `size` degrees (the epsilon absorbs 0.29*100 = 28.999…). */
export function cellIndex(value: number, cellsPerDegree: number): number {
  return Math.floor(value * cellsPerDegree + 1e-9);
}

/** Signed deltas of one write batch, flushed inside the batch's transaction. */
export class ItemStatsDelta {
  private readonly terms = new Map<string, number>();
  private readonly days = new Map<string, number>();
  private readonly cells = new Map<string, number>();
  private readonly itemCounts = new Map<number, number>();

  /** Adds (sign 1) or removes (sign -1) an item's contribution. */
  add(row: StatsRow, sign: 1 | -1): void {
    const key = row.collection_key;
    this.itemCounts.set(key, (this.itemCounts.get(key) ?? 0) + sign);
    const bump = (map: Map<string, number>, k: string) => map.set(k, (map.get(k) ?? 0) + sign);
    if (row.platform !== null) bump(this.terms, `${key}\u0001platform\u0001${row.platform}`);
    if (row.constellation !== null) bump(this.terms, `${key}\u0001constellation\u0001${row.constellation}`);
    for (const field of ['instruments', 'keywords', 'providers'] as const) {
      const values = row[field] === null ? null : (JSON.parse(row[field]) as string[]);
      if (values === null && field !== 'instruments')
        bump(this.terms, `${key}\u0001${field}\u0001${INHERITED}`);
      for (const value of new Set(values ?? [])) bump(this.terms, `${key}\u0001${field}\u0001${value}`);
    }
    bump(this.days, `${key}\u0001${Math.floor(row.dt_start / DAY_MS)}`);
    const centre = boxCentre(row);
    if (centre) {
      PRECOUNTED_CELL_DEGREES.forEach((size, level) => {
        const perDegree = Math.round(1 / size);
        bump(
          this.cells,
          `${key}\u0001${level}\u0001${cellIndex(centre[0], perDegree)}\u0001${cellIndex(centre[1], perDegree)}`,
        );
      });
    }
  }

  /** Writes the deltas; rows whose count falls to zero are removed. */
  flush(db: Database.Database): void {
    const statements = preparedStatements(db);
    for (const [k, n] of this.itemCounts) if (n !== 0) statements.itemCount.run(n, k);
    for (const [k, n] of this.terms) {
      if (n === 0) continue;
      const [key, field, value] = k.split('\u0001');
      statements.term.run(Number(key), field, value, n);
      if (n < 0) statements.pruneTerm.run(Number(key), field, value);
    }
    for (const [k, n] of this.days) {
      if (n === 0) continue;
      const [key, day] = k.split('\u0001');
      statements.day.run(Number(key), Number(day), n);
      if (n < 0) statements.pruneDay.run(Number(key), Number(day));
    }
    for (const [k, n] of this.cells) {
      if (n === 0) continue;
      const [key, level, cx, cy] = k.split('\u0001').map(Number);
      statements.cell.run(key, level, cx, cy, n);
      if (n < 0) statements.pruneCell.run(key, level, cx, cy);
    }
  }
}

const statementCache = new WeakMap<Database.Database, ReturnType<typeof prepare>>();

function prepare(db: Database.Database) {
  return {
    itemCount: db.prepare('UPDATE collections SET item_count = item_count + ? WHERE collection_key = ?'),
    term: db.prepare(
      `INSERT INTO item_term_counts (collection_key, field, value, n) VALUES (?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET n = n + excluded.n`,
    ),
    day: db.prepare(
      `INSERT INTO item_day_counts (collection_key, day, n) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n`,
    ),
    cell: db.prepare(
      `INSERT INTO item_cell_counts (collection_key, level, cx, cy, n) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET n = n + excluded.n`,
    ),
    pruneTerm: db.prepare(
      'DELETE FROM item_term_counts WHERE collection_key = ? AND field = ? AND value = ? AND n <= 0',
    ),
    pruneDay: db.prepare('DELETE FROM item_day_counts WHERE collection_key = ? AND day = ? AND n <= 0'),
    pruneCell: db.prepare(
      'DELETE FROM item_cell_counts WHERE collection_key = ? AND level = ? AND cx = ? AND cy = ? AND n <= 0',
    ),
  };
}

function preparedStatements(db: Database.Database) {
  let statements = statementCache.get(db);
  if (!statements) {
    statements = prepare(db);
    statementCache.set(db, statements);
  }
  return statements;
}
