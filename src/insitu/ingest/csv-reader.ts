/**
 * A small RFC 4180 CSV reader that remembers the line and column of every field, for error messages.
 * Accepts LF and CRLF, quoted fields with doubled quotes and embedded newlines, and any one-character
 * delimiter (`,` `;` or tab are common in observatory exports). See https://www.rfc-editor.org/rfc/rfc4180.
 */
import { InsituParseError } from '../insitu-errors.js';

/** A field and where it starts (1-based line and column). */
export interface CsvField {
  readonly text: string;
  readonly line: number;
  readonly column: number;
}

/** Parses CSV text into rows of fields; blank lines are skipped. */
export function readCsv(text: string, file: string, delimiter = ','): CsvField[][] {
  const rows: CsvField[][] = [];
  let row: CsvField[] = [];
  let line = 1;
  let lineStart = 0;
  let i = 0;
  const n = text.length;
  const endRow = (): void => {
    if (!(row.length === 1 && row[0].text === '')) rows.push(row);
    row = [];
  };
  while (i <= n) {
    const fieldLine = line;
    const fieldColumn = i - lineStart + 1;
    let value = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= n)
          throw new InsituParseError(
            file,
            fieldLine,
            fieldColumn,
            'a closing quote for this field',
            'end of file',
          );
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n') {
          line++;
          lineStart = i + 1;
        }
        value += c;
        i++;
      }
      if (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') {
        throw new InsituParseError(
          file,
          line,
          i - lineStart + 1,
          'a delimiter or end of line after a quoted field',
          text[i],
        );
      }
    } else {
      const start = i;
      while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') i++;
      value = text.slice(start, i);
    }
    row.push({ text: value, line: fieldLine, column: fieldColumn });
    if (i >= n) {
      endRow();
      break;
    }
    if (text[i] === delimiter) {
      i++;
      continue;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    lineStart = i;
    endRow();
    if (i >= n) break;
  }
  return rows;
}
