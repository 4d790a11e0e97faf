/**
 * Parser of SOPAC/SIO `.neu` position series (the "Clean", "CleanUnf", "CleanResid" products of SOPAC and
 * the MEaSUREs combination): `#` header lines (model terms, reference position), then
 * `decimal-year year day-of-year N E U sigN sigE sigU`.
 */
import { InsituParseError } from '../insitu-errors.js';
import { readNumberField, splitLines, splitWhitespaceFields } from '../parse/whitespace-fields.js';
import { requireIncreasingEpoch, requireSomeData } from './gnss-parse-support.js';
import { GnssSeriesBuilder, type GnssSeries } from './gnss-series.js';
import { decimalYearToEpochMs } from './gnss-time.js';

/**
 * Parses a `.neu` file. Units are millimetres when a header line declares `(mm)` for the columns (the
 * MEaSUREs residual files do), metres otherwise; the result is always in metres. The station id comes from
 * the caller (`.neu` files carry it only in their name).
 * The epoch is taken from the decimal-year column (4 decimals, about 50 minutes): SOPAC files disagree on
 * whether day-of-year starts at 0 or 1, so that column is not trusted.
 * @throws InsituParseError with file, line and column when the text does not follow the format.
 */
export function parseSopacNeu(text: string, file: string, station: string): GnssSeries {
  const lines = splitLines(text);
  const builder = new GnssSeriesBuilder(lines.length);
  let scale = 1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('#')) {
      if (/N\s+E\s+U.*\(mm\)/.test(line)) scale = 0.001;
      continue;
    }
    const fields = splitWhitespaceFields(line);
    if (fields.length === 0) continue;
    const where = { file, line: i + 1 };
    if (fields.length < 9) {
      const last = fields[fields.length - 1];
      throw new InsituParseError(
        file,
        i + 1,
        last.column + last.text.length,
        '9 fields per data line',
        `${fields.length} fields`,
      );
    }
    const epochMs = decimalYearToEpochMs(readNumberField(fields, 0, 'decimal year', where));
    requireIncreasingEpoch(builder, epochMs, fields[0], file, i + 1);
    builder.add(epochMs, [
      scale * readNumberField(fields, 4, 'E', where),
      scale * readNumberField(fields, 3, 'N', where),
      scale * readNumberField(fields, 5, 'U', where),
      scale * readNumberField(fields, 7, 'E sigma', where),
      scale * readNumberField(fields, 6, 'N sigma', where),
      scale * readNumberField(fields, 8, 'U sigma', where),
    ]);
  }
  requireSomeData(builder, file, lines.length);
  return builder.build({ station, format: 'sopac-neu' });
}
