/**
 * Splitting of whitespace-separated text lines into fields that remember their 1-based column, and number
 * parsing that reports the file, line and column of a bad value.
 */
import { InsituParseError } from '../insitu-errors.js';

/** One field of a line and the 1-based column where it starts. */
export interface TextField {
  readonly text: string;
  readonly column: number;
}

/** Splits a line on runs of spaces and tabs, starting at character index `from`. */
export function splitWhitespaceFields(line: string, from = 0): TextField[] {
  const fields: TextField[] = [];
  const pattern = /[^ \t\r]+/g;
  pattern.lastIndex = from;
  for (let match = pattern.exec(line); match !== null; match = pattern.exec(line)) {
    fields.push({ text: match[0], column: match.index + 1 });
  }
  return fields;
}

/** Where a line comes from, for error messages. */
export interface LineContext {
  readonly file: string;
  readonly line: number;
}

/**
 * Reads field `index` (0-based) of `fields` as a finite number.
 * @throws InsituParseError naming the column and `what` when the field is missing or not a number.
 */
export function readNumberField(
  fields: TextField[],
  index: number,
  what: string,
  where: LineContext,
): number {
  const field = fields[index];
  if (field === undefined) {
    const lastField = fields[fields.length - 1];
    const column = lastField === undefined ? 1 : lastField.column + lastField.text.length;
    throw new InsituParseError(where.file, where.line, column, `${what} (field ${index + 1})`, 'end of line');
  }
  const value = Number(field.text);
  if (!Number.isFinite(value) || field.text === '') {
    throw new InsituParseError(where.file, where.line, field.column, `${what} as a number`, field.text);
  }
  return value;
}

/** Splits file text into lines, accepting LF and CRLF endings. */
export function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}
