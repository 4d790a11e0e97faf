/**
 * Time scales used by GNSS position files: epoch milliseconds (UTC, Unix epoch), Modified Julian Days and
 * decimal years.
 *
 * Decimal years follow the calendar convention: `year + (t - start of year) / (length of that year)`, so
 * 2001-01-01T00:00Z is exactly 2001.0 in leap and common years alike. Some producers (NGL, SOPAC) use
 * 365.25-day years instead; the two differ by less than 0.0014 yr (half a day), which is negligible for
 * velocities but is why parsers recompute decimal years from exact epochs rather than copy the file's column.
 */

const MS_PER_DAY = 86_400_000;
/** MJD of 1970-01-01T00:00Z. */
const MJD_OF_UNIX_EPOCH = 40_587;

/** Converts a Modified Julian Day (fractional days allowed) to epoch milliseconds. */
export function mjdToEpochMs(mjd: number): number {
  return (mjd - MJD_OF_UNIX_EPOCH) * MS_PER_DAY;
}

/** Converts epoch milliseconds to a Modified Julian Day. */
export function epochMsToMjd(epochMs: number): number {
  return epochMs / MS_PER_DAY + MJD_OF_UNIX_EPOCH;
}

/** Converts epoch milliseconds (UTC) to a calendar decimal year. */
export function epochMsToDecimalYear(epochMs: number): number {
  const year = new Date(epochMs).getUTCFullYear();
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  return year + (epochMs - start) / (end - start);
}

/** Converts a calendar decimal year back to epoch milliseconds (inverse of {@link epochMsToDecimalYear}). */
export function decimalYearToEpochMs(decimalYear: number): number {
  const year = Math.floor(decimalYear);
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  return start + (decimalYear - year) * (end - start);
}

/** Converts a whole array of epoch milliseconds to decimal years. */
export function decimalYearsOf(epochMs: Float64Array): Float64Array {
  const years = new Float64Array(epochMs.length);
  for (let i = 0; i < epochMs.length; i++) years[i] = epochMsToDecimalYear(epochMs[i]);
  return years;
}
