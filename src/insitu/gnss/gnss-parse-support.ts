/**
 * Checks shared by the GNSS file parsers.
 */
import { InsituParseError } from '../insitu-errors.js';
import type { GnssSeriesBuilder } from './gnss-series.js';
import type { TextField } from '../parse/whitespace-fields.js';

/** Rejects an epoch that does not come strictly after the previous one. */
export function requireIncreasingEpoch(
  builder: GnssSeriesBuilder,
  epochMs: number,
  field: TextField,
  file: string,
  line: number,
): void {
  if (!(epochMs > builder.lastEpochMs)) {
    throw new InsituParseError(file, line, field.column, 'an epoch later than the previous line', field.text);
  }
}

/** Rejects a file with no data line. */
export function requireSomeData(builder: GnssSeriesBuilder, file: string, lineCount: number): void {
  if (builder.length === 0) {
    throw new InsituParseError(file, lineCount, 1, 'at least one data line', 'end of file');
  }
}

/** Value of a `key : value` or `key: value` header line, or undefined when the line has another key. */
export function headerValue(line: string, key: string): string | undefined {
  const match = new RegExp(`^#?\\s*${key}\\s*:\\s*(.*?)\\s*$`).exec(line);
  return match === null ? undefined : match[1];
}
