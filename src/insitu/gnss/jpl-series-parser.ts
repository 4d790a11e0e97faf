/**
 * Parser of JPL GNSS time series (`.series`, https://sideshow.jpl.nasa.gov/post/series.html): one line per
 * epoch with decimal year, East, North, Vertical (m), their sigmas (m), the three correlations, seconds past
 * J2000, and the calendar date and time (year month day hour minute second).
 */
import { InsituParseError } from '../insitu-errors.js';
import { readNumberField, splitLines, splitWhitespaceFields } from '../parse/whitespace-fields.js';
import { requireIncreasingEpoch, requireSomeData } from './gnss-parse-support.js';
import { GnssSeriesBuilder, type GnssSeries } from './gnss-series.js';

/**
 * Parses a `.series` file; the station id comes from the caller (the format carries it only in the file
 * name). The epoch is the calendar date and time columns, taken as UTC.
 * @throws InsituParseError with file, line and column when the text does not follow the format.
 */
export function parseJplSeries(text: string, file: string, station: string): GnssSeries {
  const lines = splitLines(text);
  const builder = new GnssSeriesBuilder(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const fields = splitWhitespaceFields(lines[i]);
    if (fields.length === 0) continue;
    const where = { file, line: i + 1 };
    if (fields.length !== 17) {
      const last = fields[fields.length - 1];
      throw new InsituParseError(
        file,
        i + 1,
        last.column + last.text.length,
        '17 fields per line',
        `${fields.length} fields`,
      );
    }
    const [year, month, day, hour, minute, second] = [11, 12, 13, 14, 15, 16].map((k) =>
      readNumberField(fields, k, ['year', 'month', 'day', 'hour', 'minute', 'second'][k - 11], where),
    );
    const epochMs = Date.UTC(year, month - 1, day, hour, minute, second);
    const check = new Date(epochMs);
    if (
      check.getUTCMonth() !== month - 1 ||
      check.getUTCDate() !== day ||
      hour > 23 ||
      minute > 59 ||
      second > 59
    ) {
      throw new InsituParseError(
        file,
        i + 1,
        fields[11].column,
        'a valid date and time',
        fields
          .slice(11)
          .map((f) => f.text)
          .join(' '),
      );
    }
    requireIncreasingEpoch(builder, epochMs, fields[11], file, i + 1);
    builder.add(epochMs, [
      readNumberField(fields, 1, 'East (m)', where),
      readNumberField(fields, 2, 'North (m)', where),
      readNumberField(fields, 3, 'Vertical (m)', where),
      readNumberField(fields, 4, 'East sigma (m)', where),
      readNumberField(fields, 5, 'North sigma (m)', where),
      readNumberField(fields, 6, 'Vertical sigma (m)', where),
    ]);
  }
  requireSomeData(builder, file, lines.length);
  return builder.build({ station, format: 'jpl-series' });
}
