/**
 * Reading observations from CSV files in the two layouts observatories export:
 * - long: one observation per row (`time, datastream, value[, uncertainty][, quality]`);
 * - wide: one row per time, one column per datastream (`time, pH, conductivity, ...`), empty cells missing.
 * A column mapping says which column is what; nothing is guessed.
 */
import { InsituParseError } from '../insitu-errors.js';
import { createObservationBatch, type ObservationBatch } from '../model/insitu-types.js';
import { readCsv, type CsvField } from './csv-reader.js';
import { parseTimestamp, type TimeFormat } from './timestamp-parser.js';

/** Long layout: each row is one observation. */
export interface LongCsvMapping {
  readonly layout: 'long';
  readonly time: string;
  readonly timeFormat?: TimeFormat;
  /** Column holding the datastream id, or `datastreamId` for a file of a single datastream. */
  readonly datastreamColumn?: string;
  readonly datastreamId?: string;
  readonly value: string;
  readonly uncertainty?: string;
  readonly quality?: string;
  readonly delimiter?: string;
}

/** Wide layout: one value column per datastream, optional uncertainty/quality columns per datastream. */
export interface WideCsvMapping {
  readonly layout: 'wide';
  readonly time: string;
  readonly timeFormat?: TimeFormat;
  readonly columns: Readonly<
    Record<
      string,
      { readonly datastreamId: string; readonly uncertainty?: string; readonly quality?: string }
    >
  >;
  readonly delimiter?: string;
}

export type CsvMapping = LongCsvMapping | WideCsvMapping;

/** Observations read from one file, by datastream. */
export interface CsvObservations {
  readonly datastreamId: string;
  readonly batch: ObservationBatch;
}

/**
 * Reads a CSV file with a header row according to `mapping`.
 * @throws InsituParseError with file, line and column for a missing column, a bad time, a non-numeric
 * value, a quality flag outside 0-255 or a row with the wrong number of fields.
 */
export function readCsvObservations(text: string, file: string, mapping: CsvMapping): CsvObservations[] {
  const rows = readCsv(text, file, mapping.delimiter ?? ',');
  if (rows.length === 0) throw new InsituParseError(file, 1, 1, 'a header row', 'empty file');
  const header = rows[0];
  const columnIndex = (name: string): number => {
    const index = header.findIndex((f) => f.text.trim() === name);
    if (index < 0) {
      throw new InsituParseError(
        file,
        1,
        1,
        `a column named '${name}' (columns: ${header.map((f) => f.text).join(', ')})`,
      );
    }
    return index;
  };
  const timeColumn = columnIndex(mapping.time);
  const format = mapping.timeFormat ?? 'iso';
  const series = new Map<
    string,
    { time: number[]; value: number[]; uncertainty: number[]; quality: number[] }
  >();
  const add = (id: string, time: number, value: number, uncertainty: number, quality: number): void => {
    let s = series.get(id);
    if (s === undefined) series.set(id, (s = { time: [], value: [], uncertainty: [], quality: [] }));
    s.time.push(time);
    s.value.push(value);
    s.uncertainty.push(uncertainty);
    s.quality.push(quality);
  };
  const plan =
    mapping.layout === 'long'
      ? [
          {
            value: columnIndex(mapping.value),
            uncertainty: mapping.uncertainty === undefined ? -1 : columnIndex(mapping.uncertainty),
            quality: mapping.quality === undefined ? -1 : columnIndex(mapping.quality),
            datastream: mapping.datastreamColumn === undefined ? -1 : columnIndex(mapping.datastreamColumn),
            datastreamId: mapping.datastreamId,
          },
        ]
      : Object.entries(mapping.columns).map(([column, target]) => ({
          value: columnIndex(column),
          uncertainty: target.uncertainty === undefined ? -1 : columnIndex(target.uncertainty),
          quality: target.quality === undefined ? -1 : columnIndex(target.quality),
          datastream: -1,
          datastreamId: target.datastreamId as string | undefined,
        }));
  if (
    mapping.layout === 'long' &&
    (mapping.datastreamColumn === undefined) === (mapping.datastreamId === undefined)
  ) {
    throw new InsituParseError(file, 1, 1, 'a mapping with exactly one of datastreamColumn or datastreamId');
  }
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
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
    const timeField = row[timeColumn];
    const time = parseTimestamp(timeField.text, format);
    if (time === undefined)
      throw new InsituParseError(
        file,
        timeField.line,
        timeField.column,
        format === 'iso' ? 'an ISO 8601 time' : `a time as ${format}`,
        timeField.text,
      );
    for (const column of plan) {
      const valueField = row[column.value];
      // In the wide layout an empty cell means "not measured at this time".
      if (mapping.layout === 'wide' && valueField.text.trim() === '') continue;
      const id =
        column.datastream >= 0
          ? requireText(row[column.datastream], file, 'a datastream id')
          : (column.datastreamId as string);
      add(
        id,
        time,
        requireNumber(valueField, file, 'a numeric value'),
        column.uncertainty >= 0 && row[column.uncertainty].text.trim() !== ''
          ? requireNumber(row[column.uncertainty], file, 'a numeric uncertainty')
          : NaN,
        column.quality >= 0 ? requireQuality(row[column.quality], file) : 0,
      );
    }
  }
  return [...series].map(([datastreamId, s]) => {
    const batch = createObservationBatch(s.time.length);
    batch.time.set(s.time);
    batch.value.set(s.value);
    batch.uncertainty.set(s.uncertainty);
    batch.quality.set(s.quality);
    return { datastreamId, batch };
  });
}

function requireText(field: CsvField, file: string, expected: string): string {
  const text = field.text.trim();
  if (text === '') throw new InsituParseError(file, field.line, field.column, expected, '');
  return text;
}

function requireNumber(field: CsvField, file: string, expected: string): number {
  const text = field.text.trim();
  const value = Number(text);
  if (text === '' || !Number.isFinite(value))
    throw new InsituParseError(file, field.line, field.column, expected, field.text);
  return value;
}

function requireQuality(field: CsvField, file: string): number {
  const text = field.text.trim();
  if (text === '') return 0;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > 255) {
    throw new InsituParseError(
      file,
      field.line,
      field.column,
      'a quality flag, an integer from 0 to 255',
      field.text,
    );
  }
  return value;
}
