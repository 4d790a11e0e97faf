/**
 * Parser of SPOTGINS position series (`SPOTGINS SOLUTION [POSITION] v2`, `.enu`), produced by CNES/GRGS and
 * distributed by the FormaTerre pole (https://www.poleterresolide.fr/visualisation-gnss/#/solution/SPOTGINS).
 */
import { InsituParseError } from '../insitu-errors.js';
import { readNumberField, splitLines, splitWhitespaceFields } from '../parse/whitespace-fields.js';
import { requireIncreasingEpoch, requireSomeData } from './gnss-parse-support.js';
import { GnssSeriesBuilder, type GnssSeries } from './gnss-series.js';
import { mjdToEpochMs } from './gnss-time.js';

/**
 * Parses a SPOTGINS `.enu` file: `#` header lines with `KEY : value` pairs (STATION, REF_FRAME, UNITS,
 * X_pos/Y_pos/Z_pos, Latitude/Longitude/Height), then one line per epoch: MJD, E, N, U, dE, dN, dU, date,
 * decimal year, constellations. The epoch comes from the fractional MJD.
 * Limits: only `UNITS : meters` files are accepted.
 * @throws InsituParseError with file, line and column when the text does not follow the format.
 */
export function parseSpotginsEnu(text: string, file: string): GnssSeries {
  const lines = splitLines(text);
  if (!lines[0].startsWith('# SPOTGINS SOLUTION [POSITION]')) {
    throw new InsituParseError(file, 1, 1, "'# SPOTGINS SOLUTION [POSITION]' as the first line", lines[0]);
  }
  const header = new Map<string, { value: string; line: number }>();
  const builder = new GnssSeriesBuilder(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('#')) {
      const entry = /^#\s*([A-Za-z_]+)\s*:\s*(.*?)\s*$/.exec(line);
      if (entry !== null) header.set(entry[1], { value: entry[2], line: i + 1 });
      continue;
    }
    const fields = splitWhitespaceFields(line);
    if (fields.length === 0) continue;
    const where = { file, line: i + 1 };
    const epochMs = mjdToEpochMs(readNumberField(fields, 0, 'modified Julian day', where));
    requireIncreasingEpoch(builder, epochMs, fields[0], file, i + 1);
    builder.add(epochMs, [
      readNumberField(fields, 1, 'E (m)', where),
      readNumberField(fields, 2, 'N (m)', where),
      readNumberField(fields, 3, 'U (m)', where),
      readNumberField(fields, 4, 'dE (m)', where),
      readNumberField(fields, 5, 'dN (m)', where),
      readNumberField(fields, 6, 'dU (m)', where),
    ]);
  }
  const units = header.get('UNITS');
  if (units !== undefined && units.value !== 'meters') {
    throw new InsituParseError(
      file,
      units.line,
      line(units.line, lines).indexOf(units.value) + 1,
      "'meters'",
      units.value,
    );
  }
  const station = header.get('STATION');
  if (station === undefined) throw new InsituParseError(file, 1, 1, "a '# STATION : <id>' header line");
  requireSomeData(builder, file, lines.length);
  const number = (key: string): number | undefined => {
    const entry = header.get(key);
    if (entry === undefined) return undefined;
    const value = Number(entry.value);
    if (!Number.isFinite(value)) {
      throw new InsituParseError(
        file,
        entry.line,
        line(entry.line, lines).indexOf(entry.value) + 1,
        `${key} as a number`,
        entry.value,
      );
    }
    return value;
  };
  const [x, y, z] = [number('X_pos'), number('Y_pos'), number('Z_pos')];
  const [latitude, longitude, height] = [number('Latitude'), number('Longitude'), number('Height')];
  return builder.build({
    station: station.value,
    format: 'spotgins-enu',
    referenceFrame: header.get('REF_FRAME')?.value,
    referencePosition: x !== undefined && y !== undefined && z !== undefined ? { x, y, z } : undefined,
    referenceGeodetic:
      latitude !== undefined && longitude !== undefined && height !== undefined
        ? { latitude, longitude, height }
        : undefined,
  });
}

function line(lineNumber: number, lines: string[]): string {
  return lines[lineNumber - 1];
}
