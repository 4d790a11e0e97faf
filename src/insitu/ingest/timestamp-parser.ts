/**
 * Parsing of the timestamps found in observatory files into epoch milliseconds (UTC).
 */

/** How a time column is written. */
export type TimeFormat = 'iso' | 'epoch-ms' | 'epoch-s' | 'decimal-year';

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses one timestamp; returns undefined when the text is not valid in that format.
 * `iso`: `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS[.fff]]` with `T` or a space, optional `Z` or `±HH:MM`;
 * without a zone the time is taken as UTC (observatory convention). Impossible dates (2021-02-30) are rejected.
 */
export function parseTimestamp(text: string, format: TimeFormat = 'iso'): number | undefined {
  const trimmed = text.trim();
  if (format !== 'iso') {
    if (trimmed === '') return undefined;
    const value = Number(trimmed);
    if (!Number.isFinite(value)) return undefined;
    if (format === 'epoch-ms') return Math.round(value);
    if (format === 'epoch-s') return Math.round(value * 1000);
    const year = Math.floor(value);
    const start = Date.UTC(year, 0, 1);
    return Math.round(start + (value - year) * (Date.UTC(year + 1, 0, 1) - start));
  }
  const m = ISO.exec(trimmed);
  if (m === null) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  const millis = m[7] === undefined ? 0 : Math.round(Number(`0.${m[7]}`) * 1000);
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return undefined;
  let time = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const zone = m[8];
  if (zone !== undefined && zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    time -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return time;
}
