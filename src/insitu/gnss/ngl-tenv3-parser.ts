/**
 * Parser of Nevada Geodetic Laboratory `.tenv3` position series.
 * Format: http://geodesy.unr.edu/gps_timeseries/README_tenv3.txt (copy in test/fixtures/gnss/README_tenv3.txt).
 */
import { InsituParseError } from '../insitu-errors.js';
import { readNumberField, splitLines, splitWhitespaceFields } from '../parse/whitespace-fields.js';
import { requireIncreasingEpoch, requireSomeData } from './gnss-parse-support.js';
import { GnssSeriesBuilder, type GnssSeries } from './gnss-series.js';
import { mjdToEpochMs } from './gnss-time.js';

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/**
 * Parses a `.tenv3` file (20 documented columns, plus the latitude/longitude/height columns of current files).
 * East/North/Up are `(integer part − integer part of the first line) + fractional part`, i.e. the continuous
 * displacement NGL recommends plotting, relative to the first epoch's integer metres. The epoch is 12:00 UTC
 * of the line's MJD (NGL daily solutions; this matches the file's own decimal year).
 * Limits: a change of reference meridian (column 7) within one file is not re-projected; correlations are
 * not kept. The date column must agree with the MJD column.
 * @throws InsituParseError with file, line and column when the text does not follow the format.
 */
export function parseNglTenv3(text: string, file: string): GnssSeries {
  const lines = splitLines(text);
  const builder = new GnssSeriesBuilder(lines.length);
  let station: string | undefined;
  let firstIntegers: [number, number, number] | undefined;
  let referenceGeodetic: GnssSeries['referenceGeodetic'];
  for (let i = 0; i < lines.length; i++) {
    const fields = splitWhitespaceFields(lines[i]);
    if (fields.length === 0 || (i === 0 && fields[0].text === 'site')) continue;
    const where = { file, line: i + 1 };
    if (fields.length < 20) {
      const last = fields[fields.length - 1];
      throw new InsituParseError(
        file,
        i + 1,
        last.column + last.text.length,
        'at least 20 fields per data line',
        `${fields.length} fields`,
      );
    }
    if (station === undefined) station = fields[0].text;
    else if (fields[0].text !== station) {
      throw new InsituParseError(
        file,
        i + 1,
        fields[0].column,
        `station '${station}' on every line`,
        fields[0].text,
      );
    }
    const mjd = readNumberField(fields, 3, 'modified Julian day', where);
    const expectedDate = tenv3Date(mjd);
    if (fields[1].text !== expectedDate) {
      throw new InsituParseError(
        file,
        i + 1,
        fields[1].column,
        `date ${expectedDate} (from MJD ${mjd})`,
        fields[1].text,
      );
    }
    const epochMs = mjdToEpochMs(mjd + 0.5);
    requireIncreasingEpoch(builder, epochMs, fields[3], file, i + 1);
    const integers: [number, number, number] = [
      readNumberField(fields, 7, 'eastings integer part (m)', where),
      readNumberField(fields, 9, 'northings integer part (m)', where),
      readNumberField(fields, 11, 'vertical integer part (m)', where),
    ];
    firstIntegers ??= integers;
    if (referenceGeodetic === undefined && fields.length >= 23) {
      const longitude = readNumberField(fields, 21, 'longitude (degrees)', where);
      referenceGeodetic = {
        latitude: readNumberField(fields, 20, 'latitude (degrees)', where),
        longitude: ((((longitude + 180) % 360) + 360) % 360) - 180,
        height: readNumberField(fields, 22, 'height (m)', where),
      };
    }
    builder.add(epochMs, [
      integers[0] - firstIntegers[0] + readNumberField(fields, 8, 'eastings fractional part (m)', where),
      integers[1] - firstIntegers[1] + readNumberField(fields, 10, 'northings fractional part (m)', where),
      integers[2] - firstIntegers[2] + readNumberField(fields, 12, 'vertical fractional part (m)', where),
      readNumberField(fields, 14, 'east sigma (m)', where),
      readNumberField(fields, 15, 'north sigma (m)', where),
      readNumberField(fields, 16, 'vertical sigma (m)', where),
    ]);
  }
  requireSomeData(builder, file, lines.length);
  return builder.build({ station: station as string, format: 'ngl-tenv3', referenceGeodetic });
}

/** The `YYMMMDD` date NGL writes for a modified Julian day, e.g. 95MAY19. */
function tenv3Date(mjd: number): string {
  const date = new Date(mjdToEpochMs(Math.floor(mjd)));
  const yy = String(date.getUTCFullYear() % 100).padStart(2, '0');
  return `${yy}${MONTHS[date.getUTCMonth()]}${String(date.getUTCDate()).padStart(2, '0')}`;
}
