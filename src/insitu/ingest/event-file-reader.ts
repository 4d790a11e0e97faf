/**
 * Reading station events (equipment changes, earthquakes, eruptions, maintenance) from a CSV file with a
 * header `station,time,kind[,description]` (other columns are kept as event properties).
 */
import { InsituParseError } from '../insitu-errors.js';
import type { StationEvent } from '../model/insitu-types.js';
import { readCsv } from './csv-reader.js';
import { parseTimestamp } from './timestamp-parser.js';

/**
 * Parses an event file. Times are ISO 8601 (UTC when no zone is given).
 * @throws InsituParseError with file, line and column for a missing column, an empty station or kind, a
 * bad time, or a row with the wrong number of fields.
 */
export function readEventFile(text: string, file: string): StationEvent[] {
  const rows = readCsv(text, file);
  if (rows.length === 0)
    throw new InsituParseError(file, 1, 1, 'a header row station,time,kind[,description]', 'empty file');
  const header = rows[0].map((f) => f.text.trim());
  const index = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new InsituParseError(file, 1, 1, `a column named '${name}'`, header.join(','));
    return i;
  };
  const [station, time, kind] = [index('station'), index('time'), index('kind')];
  const description = header.indexOf('description');
  return rows.slice(1).map((row) => {
    if (row.length !== header.length) {
      const last = row[row.length - 1];
      throw new InsituParseError(
        file,
        last.line,
        last.column,
        `${header.length} fields as in the header`,
        `${row.length} fields`,
      );
    }
    for (const i of [station, kind]) {
      if (row[i].text.trim() === '')
        throw new InsituParseError(file, row[i].line, row[i].column, `a non-empty ${header[i]}`, '');
    }
    const at = parseTimestamp(row[time].text);
    if (at === undefined)
      throw new InsituParseError(file, row[time].line, row[time].column, 'an ISO 8601 time', row[time].text);
    const properties: Record<string, string> = {};
    header.forEach((name, i) => {
      if (![station, time, kind, description].includes(i) && row[i].text !== '')
        properties[name] = row[i].text;
    });
    return {
      stationId: row[station].text.trim(),
      time: at,
      kind: row[kind].text.trim(),
      ...(description >= 0 && row[description].text !== '' ? { description: row[description].text } : {}),
      ...(Object.keys(properties).length > 0 ? { properties } : {}),
    };
  });
}
