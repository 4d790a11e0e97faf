/**
 * Spellings accepted for compatibility with pre-1.0 CQL2 drafts and pgstac clients, rewritten to the
 * CQL2 1.0 form when parsing: operator aliases (`eq`, `lt`, `a_contained_by`, `anyinteracts`, …) and
 * plain strings as temporal operands (`"2011-08-16T00:00:00Z/2011-08-17T00:00:00Z"` as an interval,
 * `"2020-01-01"` as a date). See OGC 21-065r2 schema/cql2.json for the standard form and
 * stac-utils/pgstac src/pgstac/sql/002a_queryables.sql for the aliases.
 */
import type { Cql2Expression } from './cql2-expression.js';
import { isCql2Date, normalizeCql2Timestamp } from './cql2-temporal.js';

export const LEGACY_OPERATOR_ALIASES: Record<string, string> = {
  eq: '=',
  neq: '<>',
  ne: '<>',
  lt: '<',
  lte: '<=',
  le: '<=',
  gt: '>',
  gte: '>=',
  ge: '>=',
  a_contained_by: 'a_containedBy',
  anyinteracts: 't_intersects',
  t_overlapped_by: 't_overlappedBy',
  t_finished_by: 't_finishedBy',
  t_started_by: 't_startedBy',
  t_met_by: 't_metBy',
};

/**
 * A string argument of a temporal operator as a temporal literal: `a/b` → interval (empty or `..` for
 * an open end), a date → DATE, a timestamp → TIMESTAMP. Returns undefined when the string is none of these.
 */
export function temporalLiteralFromString(text: string): Cql2Expression | undefined {
  const bound = (value: string): string | undefined => {
    if (value === '' || value === '..') return '..';
    if (isCql2Date(value)) return value;
    return normalizeCql2Timestamp(value);
  };
  if (text.includes('/')) {
    const parts = text.split('/');
    if (parts.length !== 2) return undefined;
    const [start, end] = parts.map(bound);
    return start === undefined || end === undefined ? undefined : { interval: [start, end] };
  }
  if (isCql2Date(text)) return { date: text };
  const timestamp = normalizeCql2Timestamp(text);
  return timestamp === undefined ? undefined : { timestamp };
}
