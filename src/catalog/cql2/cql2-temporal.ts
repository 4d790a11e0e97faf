/**
 * Temporal literals of CQL2: validation, normalisation and conversion to epoch milliseconds, plus the
 * interval relations of the temporal operators (Allen's algebra as tabulated in CQL2 clause 7.9).
 * Instants are degenerate intervals [t, t]; a DATE is the instant at 00:00:00Z of that day.
 * Limits: sub-millisecond digits are kept in the normalised text but ignored when comparing.
 * See OGC 21-065r2, clause 7.9 (Temporal functions) and cql2.bnf `temporalInstance`.
 */
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;

/** True when `text` is a calendar date `YYYY-MM-DD` that exists. */
export function isCql2Date(text: string): boolean {
  const m = DATE_PATTERN.exec(text);
  return m !== null && isValidDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * Normalises an RFC 3339 timestamp to UTC with a `Z` suffix and without trailing zero fraction digits
 * (`2012-08-10T05:30:00.000000Z` → `2012-08-10T05:30:00Z`). Returns undefined when it is not a valid
 * timestamp. A timestamp without offset is taken as UTC (the OGC test data stores them that way).
 */
export function normalizeCql2Timestamp(text: string): string | undefined {
  const m = TIMESTAMP_PATTERN.exec(text);
  if (m === null) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  if (!isValidDay(year, month, day) || hour > 23 || minute > 59 || second > 60) return undefined;
  const fraction = (m[7] ?? '').replace(/0+$/, '');
  let ms = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59));
  if (m[9] !== undefined) {
    const offset = (Number(m[10]) * 60 + Number(m[11])) * 60_000;
    ms -= m[9] === '+' ? offset : -offset;
  }
  const iso = new Date(ms).toISOString().slice(0, 19);
  return `${iso}${fraction ? `.${fraction}` : ''}Z`;
}

/**
 * Epoch milliseconds of a date (`YYYY-MM-DD`, midnight UTC) or a timestamp; undefined when `text` is
 * neither. Used for literals and for string-valued properties compared with temporal literals.
 */
export function cql2InstantToMillis(text: string): number | undefined {
  const d = DATE_PATTERN.exec(text);
  if (d !== null) {
    const [year, month, day] = d.slice(1, 4).map(Number);
    return isValidDay(year, month, day) ? Date.UTC(year, month - 1, day) : undefined;
  }
  const normalized = normalizeCql2Timestamp(text);
  if (normalized === undefined) return undefined;
  const fraction = /\.(\d+)Z$/.exec(normalized)?.[1] ?? '';
  const whole = Date.parse(`${normalized.slice(0, 19)}Z`);
  return whole + Math.floor(Number(`0.${fraction || '0'}`) * 1000);
}

function isValidDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The temporal operators of CQL2 (lower-case JSON names). */
export const TEMPORAL_OPERATORS = [
  't_after',
  't_before',
  't_contains',
  't_disjoint',
  't_during',
  't_equals',
  't_finishedBy',
  't_finishes',
  't_intersects',
  't_meets',
  't_metBy',
  't_overlappedBy',
  't_overlaps',
  't_startedBy',
  't_starts',
] as const;
export type TemporalOperator = (typeof TEMPORAL_OPERATORS)[number];

/** One bound comparison `left.<side> <cmp> right.<side>`; a conjunction of these defines each relation. */
export interface TemporalCondition {
  left: 'start' | 'end';
  cmp: '<' | '>' | '=' | '<=' | '>=';
  right: 'start' | 'end';
}

const c = (
  left: 'start' | 'end',
  cmp: TemporalCondition['cmp'],
  right: 'start' | 'end',
): TemporalCondition => ({
  left,
  cmp,
  right,
});

/**
 * Each temporal operator as a conjunction of bound comparisons between interval A (first argument) and
 * B (second). T_DISJOINT is the negation of T_INTERSECTS and is listed as its own disjunction elsewhere.
 */
export const TEMPORAL_RELATIONS: Record<Exclude<TemporalOperator, 't_disjoint'>, TemporalCondition[]> = {
  t_after: [c('start', '>', 'end')],
  t_before: [c('end', '<', 'start')],
  t_contains: [c('start', '<', 'start'), c('end', '>', 'end')],
  t_during: [c('start', '>', 'start'), c('end', '<', 'end')],
  t_equals: [c('start', '=', 'start'), c('end', '=', 'end')],
  t_finishedBy: [c('start', '<', 'start'), c('end', '=', 'end')],
  t_finishes: [c('start', '>', 'start'), c('end', '=', 'end')],
  t_intersects: [c('start', '<=', 'end'), c('end', '>=', 'start')],
  t_meets: [c('end', '=', 'start')],
  t_metBy: [c('start', '=', 'end')],
  t_overlappedBy: [c('start', '>', 'start'), c('start', '<', 'end'), c('end', '>', 'end')],
  t_overlaps: [c('start', '<', 'start'), c('end', '>', 'start'), c('end', '<', 'end')],
  t_startedBy: [c('start', '=', 'start'), c('end', '>', 'end')],
  t_starts: [c('start', '=', 'start'), c('end', '<', 'end')],
};

/** Compares two numbers with a CQL2 comparison operator. */
function compareNumbers(a: number, cmp: TemporalCondition['cmp'], b: number): boolean {
  switch (cmp) {
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '=':
      return a === b;
    case '<=':
      return a <= b;
    case '>=':
      return a >= b;
  }
}

/** Evaluates a temporal operator on two closed intervals in epoch milliseconds (±Infinity for open ends). */
export function relateIntervals(
  op: TemporalOperator,
  a: { start: number; end: number },
  b: { start: number; end: number },
): boolean {
  if (op === 't_disjoint') return !relateIntervals('t_intersects', a, b);
  return TEMPORAL_RELATIONS[op].every((cond) => compareNumbers(a[cond.left], cond.cmp, b[cond.right]));
}
