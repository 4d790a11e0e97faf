/**
 * Tokenizer of CQL2-Text. Produces identifiers (keywords are identifiers too; the parser decides),
 * double-quoted property names, single-quoted strings, unsigned numbers and operators, each with its
 * line and column for error messages.
 * See OGC 21-065r2 annex B, cql2.bnf (`identifier`, `characterLiteral`, `numericLiteral`).
 */
import { InvalidFilterError } from '../catalog-errors.js';

export type Cql2TokenKind = 'identifier' | 'quoted' | 'string' | 'number' | 'symbol' | 'end';

export interface Cql2Token {
  kind: Cql2TokenKind;
  /** Identifier or symbol text, decoded string content, or the number's source text. */
  text: string;
  line: number;
  column: number;
}

const TWO_CHAR_SYMBOLS = new Set(['<>', '<=', '>=']);
const ONE_CHAR_SYMBOLS = new Set(['(', ')', ',', '+', '-', '*', '/', '%', '^', '=', '<', '>']);
// identifierStart of the BNF, then identifierPart (adds digits, '.', combining marks, ‿ ⁀).
const IDENTIFIER =
  /[:_A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFE\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}][:_A-Za-z0-9.\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFE\u200C-\u200D\u203F-\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}\p{M}]*/uy;
const WHITESPACE = /[\s\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/uy;
const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;

/**
 * Splits CQL2-Text into tokens; throws InvalidFilterError with "line L, column C" on a bad character.
 * Columns count UTF-16 code units from 1.
 */
export function tokenizeCql2Text(text: string): Cql2Token[] {
  const tokens: Cql2Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const position = (offset: number): { line: number; column: number } => ({
    line,
    column: offset - lineStart + 1,
  });
  const countLines = (from: number, to: number): void => {
    for (let k = from; k < to; k++) {
      if (text.charCodeAt(k) === 10) {
        line++;
        lineStart = k + 1;
      }
    }
  };
  const fail = (message: string, at: { line: number; column: number }): never => {
    throw new InvalidFilterError(`invalid CQL2-Text: ${message}`, `line ${at.line}, column ${at.column}`);
  };
  const match = (pattern: RegExp): string | undefined => {
    pattern.lastIndex = i;
    return pattern.exec(text)?.[0];
  };
  while (i < text.length) {
    const whitespace = match(WHITESPACE);
    if (whitespace !== undefined) {
      countLines(i, i + whitespace.length);
      i += whitespace.length;
      continue;
    }
    const start = position(i);
    const ch = text[i];
    if (ch === "'" || ch === '"') {
      let value = '';
      let k = i + 1;
      for (;;) {
        if (k >= text.length) fail(`unterminated ${ch === "'" ? 'string' : 'quoted property name'}`, start);
        const c = text[k];
        if ((c === ch || c === '\\') && text[k + 1] === ch) {
          value += ch;
          k += 2;
        } else if (c === ch) {
          k++;
          break;
        } else {
          value += c;
          k++;
        }
      }
      countLines(i, k);
      i = k;
      tokens.push({ kind: ch === "'" ? 'string' : 'quoted', text: value, ...start });
      continue;
    }
    const number = match(NUMBER);
    if (number !== undefined) {
      tokens.push({ kind: 'number', text: number, ...start });
      i += number.length;
      continue;
    }
    const identifier = match(IDENTIFIER);
    if (identifier !== undefined) {
      tokens.push({ kind: 'identifier', text: identifier, ...start });
      i += identifier.length;
      continue;
    }
    const two = text.slice(i, i + 2);
    const symbol = TWO_CHAR_SYMBOLS.has(two) ? two : ONE_CHAR_SYMBOLS.has(ch) ? ch : undefined;
    if (symbol === undefined)
      fail(`unexpected character '${String.fromCodePoint(text.codePointAt(i) ?? 0)}'`, start);
    tokens.push({ kind: 'symbol', text: symbol as string, ...start });
    i += (symbol as string).length;
  }
  tokens.push({ kind: 'end', text: '', ...position(i) });
  return tokens;
}
