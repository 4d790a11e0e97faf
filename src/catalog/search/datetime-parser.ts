/**
 * Parsing of the `datetime` search parameter: an RFC 3339 instant, a closed interval `a/b`, or a half-open
 * interval `../b`, `a/..`, `/b`, `a/`.
 * See https://github.com/radiantearth/stac-api-spec/tree/v1.0.0/item-search#query-parameter-table
 */
import { InvalidSearchError } from '../catalog-errors.js';
import type { TimeRange } from './item-search.js';

/** RFC 3339 date-time (section 5.6): date, `T` or space, time, optional fraction, `Z` or an offset. */
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$/;

/**
 * Parses a datetime parameter into epoch-millisecond bounds; an instant gives `start === end`.
 * An interval open at both ends (`../..`) or a start after its end is rejected.
 *
 * @throws InvalidSearchError naming the bad value.
 * @example parseDatetime('2024-01-01T00:00:00Z/..') // { start: 1704067200000 }
 */
export function parseDatetime(input: string, location = 'datetime'): TimeRange {
  const text = input.trim();
  if (text === '') throw new InvalidSearchError('datetime is empty', location);
  const parts = text.split('/');
  if (parts.length === 1) {
    const instant = parseInstant(parts[0], location);
    return { start: instant, end: instant };
  }
  if (parts.length !== 2) {
    throw new InvalidSearchError(`datetime '${clip(text)}' has more than one '/'`, location);
  }
  const start = isOpen(parts[0]) ? undefined : parseInstant(parts[0], location);
  const end = isOpen(parts[1]) ? undefined : parseInstant(parts[1], location);
  if (start === undefined && end === undefined) {
    throw new InvalidSearchError(`datetime '${clip(text)}' is open at both ends`, location);
  }
  if (start !== undefined && end !== undefined && start > end) {
    throw new InvalidSearchError(`datetime '${clip(text)}' starts after it ends`, location);
  }
  return { start, end };
}

/**
 * Parses one RFC 3339 date-time to epoch milliseconds, rejecting impossible dates such as 2023-02-30.
 * @throws InvalidSearchError naming the value.
 */
export function parseInstant(text: string, location = 'datetime'): number {
  const match = RFC3339.exec(text.trim());
  if (!match) {
    throw new InvalidSearchError(
      `'${clip(text)}' is not an RFC 3339 date-time (expected e.g. 2024-05-01T00:00:00Z)`,
      location,
    );
  }
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const calendar = new Date(Date.UTC(year, month - 1, day));
  const validDate =
    calendar.getUTCFullYear() === year &&
    calendar.getUTCMonth() === month - 1 &&
    calendar.getUTCDate() === day;
  // A leap second (60) is valid RFC 3339; Date.UTC reads it as the first second of the next minute.
  if (!validDate || hour > 23 || minute > 59 || second > 60) {
    throw new InvalidSearchError(`'${clip(text)}' is not a valid calendar date-time`, location);
  }
  if (match[9] !== undefined && (Number(match[9]) > 23 || Number(match[10]) > 59)) {
    throw new InvalidSearchError(`'${clip(text)}' has an invalid UTC offset`, location);
  }
  const fraction = match[7] === undefined ? 0 : Math.floor(Number(`0${match[7]}`) * 1000);
  const offsetSign = match[8].startsWith('-') ? -1 : 1;
  const offsetMinutes = match[9] === undefined ? 0 : offsetSign * (Number(match[9]) * 60 + Number(match[10]));
  return Date.UTC(year, month - 1, day, hour, minute, second) + fraction - offsetMinutes * 60_000;
}

function isOpen(bound: string): boolean {
  const trimmed = bound.trim();
  return trimmed === '' || trimmed === '..';
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
