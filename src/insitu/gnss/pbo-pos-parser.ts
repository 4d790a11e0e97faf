/**
 * Parser of UNAVCO/EarthScope PBO station position time series (`.pos`, format version 1.1.0).
 * Format: https://www.unavco.org/data/gps-gnss/derived-products/docs/NEW_PBO_POS_FORMAT.pdf (the field
 * description block is repeated in every file header).
 */
import { InsituParseError } from '../insitu-errors.js';
import { readNumberField, splitLines, splitWhitespaceFields } from '../parse/whitespace-fields.js';
import type { Cartesian, Geodetic } from './geodetic-conversions.js';
import { requireIncreasingEpoch, requireSomeData, headerValue } from './gnss-parse-support.js';
import { GnssSeriesBuilder, type GnssSeries } from './gnss-series.js';

/** Number of whitespace-separated fields of a PBO 1.1.0 data line. */
const FIELD_COUNT = 25;

/**
 * Parses a PBO `.pos` file. East/North/Up are the file's dE/dN/dU columns (metres, from the header's NEU
 * reference position); the epoch comes from the YYYYMMDD HHMMSS columns (UTC).
 * Limits: only format version 1.1.0 (the one with 25 columns); correlations are not kept.
 * @param file name used in error messages.
 * @throws InsituParseError with file, line and column when the text does not follow the format.
 */
export function parsePboPos(text: string, file: string): GnssSeries {
  const lines = splitLines(text);
  let station: string | undefined;
  let referenceFrame: string | undefined;
  let referencePosition: Cartesian | undefined;
  let referenceGeodetic: Geodetic | undefined;
  let dataStart = -1;
  for (let i = 0; i < lines.length && dataStart < 0; i++) {
    const line = lines[i];
    const where = { file, line: i + 1 };
    if (i === 0 && !line.startsWith('PBO Station Position Time Series')) {
      throw new InsituParseError(file, 1, 1, "'PBO Station Position Time Series' as the first line", line);
    }
    const frame = /Reference Frame\s*:\s*(\S+)/.exec(line);
    if (frame !== null) referenceFrame = frame[1];
    station = headerValue(line, '4-character ID') ?? station;
    if (line.startsWith('XYZ Reference position')) {
      const fields = splitWhitespaceFields(line, line.indexOf(':') + 1);
      referencePosition = {
        x: readNumberField(fields, 0, 'reference X (m)', where),
        y: readNumberField(fields, 1, 'reference Y (m)', where),
        z: readNumberField(fields, 2, 'reference Z (m)', where),
      };
    }
    if (line.startsWith('NEU Reference position')) {
      const fields = splitWhitespaceFields(line, line.indexOf(':') + 1);
      const longitude = readNumberField(fields, 1, 'reference longitude (degrees)', where);
      referenceGeodetic = {
        latitude: readNumberField(fields, 0, 'reference latitude (degrees)', where),
        longitude: longitude > 180 ? longitude - 360 : longitude,
        height: readNumberField(fields, 2, 'reference height (m)', where),
      };
    }
    if (line.startsWith('*YYYYMMDD')) dataStart = i + 1;
  }
  if (dataStart < 0) {
    throw new InsituParseError(
      file,
      lines.length,
      1,
      "a column header line starting with '*YYYYMMDD'",
      'end of file',
    );
  }
  if (station === undefined) {
    throw new InsituParseError(file, 3, 1, "a '4-character ID:' header line");
  }

  const builder = new GnssSeriesBuilder(lines.length - dataStart);
  for (let i = dataStart; i < lines.length; i++) {
    const fields = splitWhitespaceFields(lines[i]);
    if (fields.length === 0) continue;
    const where = { file, line: i + 1 };
    if (fields.length !== FIELD_COUNT) {
      const column = fields[Math.min(fields.length, FIELD_COUNT) - 1].column;
      throw new InsituParseError(
        file,
        i + 1,
        column,
        `${FIELD_COUNT} fields per data line`,
        `${fields.length} fields`,
      );
    }
    const epochMs = parseDateTime(fields[0].text, fields[1].text);
    if (Number.isNaN(epochMs)) {
      throw new InsituParseError(
        file,
        i + 1,
        fields[0].column,
        'a date YYYYMMDD and time HHMMSS',
        `${fields[0].text} ${fields[1].text}`,
      );
    }
    requireIncreasingEpoch(builder, epochMs, fields[0], file, i + 1);
    builder.add(epochMs, [
      readNumberField(fields, 16, 'dE (m)', where),
      readNumberField(fields, 15, 'dN (m)', where),
      readNumberField(fields, 17, 'dU (m)', where),
      readNumberField(fields, 19, 'Se (m)', where),
      readNumberField(fields, 18, 'Sn (m)', where),
      readNumberField(fields, 20, 'Su (m)', where),
    ]);
  }
  requireSomeData(builder, file, lines.length);
  return builder.build({ station, format: 'pbo-pos', referenceFrame, referencePosition, referenceGeodetic });
}

/** Epoch milliseconds of `YYYYMMDD` and `HHMMSS`, or NaN when either is malformed. */
function parseDateTime(date: string, time: string): number {
  const d = /^(\d{4})(\d{2})(\d{2})$/.exec(date);
  const t = /^(\d{2})(\d{2})(\d{2})$/.exec(time);
  if (d === null || t === null) return NaN;
  const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const [hour, minute, second] = [Number(t[1]), Number(t[2]), Number(t[3])];
  const epochMs = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(epochMs);
  // Date.UTC silently rolls 20150230 over to March; reject dates that do not exist.
  if (
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 60
  ) {
    return NaN;
  }
  return epochMs;
}
