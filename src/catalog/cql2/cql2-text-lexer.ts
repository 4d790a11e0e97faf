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

const SYMBOLS = ['<>', '<=', '>=', '(', ')', ',', '+', '-', '*', '/', '%', '^', '=', '<', '>'];
// identifierStart of the BNF, plus the identifierPart additions (digits, '.', combining marks, ‿ ⁀).
const IDENTIFIER_START =
  /[:_A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFE\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}]/u;
const IDENTIFIER_PART =
  /[:_A-Za-z0-9.\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFE\u200C-\u200D\u203F-\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}]/u;
const WHITESPACE = /[\s\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/u;
const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;

/** Splits CQL2-Text into tokens; throws InvalidFilterError with "line L, column C" on a bad character. */
export function tokenizeCql2Text(text: string): Cql2Token[] {
  const tokens: Cql2Token[] = [];
  const chars = Array.from(text);
  let i = 0;
  let line = 1;
  let column = 1;
  const advance = (count: number): void => {
    for (let k = 0; k < count; k++) {
      if (chars[i] === '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
      i++;
    }
  };
  const fail = (message: string, atLine = line, atColumn = column): never => {
    throw new InvalidFilterError(`invalid CQL2-Text: ${message}`, `line ${atLine}, column ${atColumn}`);
  };
  while (i < chars.length) {
    const ch = chars[i];
    if (WHITESPACE.test(ch)) {
      advance(1);
      continue;
    }
    const start = { line, column };
    if (ch === "'" || ch === '"') {
      const quote = ch;
      let value = '';
      advance(1);
      for (;;) {
        if (i >= chars.length)
          fail(`unterminated ${quote === "'" ? 'string' : 'quoted property name'}`, start.line, start.column);
        const c = chars[i];
        if (c === quote && chars[i + 1] === quote) {
          value += quote;
          advance(2);
        } else if (c === '\\' && chars[i + 1] === quote) {
          value += quote;
          advance(2);
        } else if (c === quote) {
          advance(1);
          break;
        } else {
          value += c;
          advance(1);
        }
      }
      tokens.push({ kind: quote === "'" ? 'string' : 'quoted', text: value, ...start });
      continue;
    }
    const numberMatch = /[0-9.]/.test(ch) ? NUMBER.exec(chars.slice(i, i + 64).join('')) : null;
    if (numberMatch !== null) {
      tokens.push({ kind: 'number', text: numberMatch[0], ...start });
      advance(numberMatch[0].length);
      continue;
    }
    if (IDENTIFIER_START.test(ch)) {
      let name = '';
      while (i < chars.length && (IDENTIFIER_PART.test(chars[i]) || /\p{M}/u.test(chars[i]))) {
        name += chars[i];
        advance(1);
      }
      tokens.push({ kind: 'identifier', text: name, ...start });
      continue;
    }
    const symbol = SYMBOLS.find((s) => chars.slice(i, i + s.length).join('') === s);
    if (symbol === undefined) fail(`unexpected character '${ch}'`);
    tokens.push({ kind: 'symbol', text: symbol as string, ...start });
    advance((symbol as string).length);
  }
  tokens.push({ kind: 'end', text: '', line, column });
  return tokens;
}
