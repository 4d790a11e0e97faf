/**
 * A read position in the CQL2-Text token stream, shared by the expression and WKT parsers, with the
 * error reporting both use: "expected X but found Y" at "line L, column C".
 */
import { InvalidFilterError } from '../catalog-errors.js';
import type { Cql2Token } from './cql2-text-lexer.js';

export class Cql2TokenCursor {
  private index = 0;

  constructor(private readonly tokens: Cql2Token[]) {}

  peek(offset = 0): Cql2Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)];
  }

  next(): Cql2Token {
    const token = this.peek();
    if (this.index < this.tokens.length - 1) this.index++;
    return token;
  }

  peekSymbol(symbol: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'symbol' && token.text === symbol;
  }

  /** Case-insensitive keyword test (keywords are unquoted identifiers). */
  peekKeyword(keyword: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'identifier' && token.text.toUpperCase() === keyword;
  }

  expectSymbol(symbol: string, expected: string): Cql2Token {
    if (!this.peekSymbol(symbol)) this.fail(expected);
    return this.next();
  }

  expectKeyword(keyword: string, expected: string): Cql2Token {
    if (!this.peekKeyword(keyword)) this.fail(expected);
    return this.next();
  }

  /** A numeric literal with an optional sign, as used in coordinates and BBOX. */
  signedNumber(expected: string): number {
    let sign = 1;
    if (this.peekSymbol('-') || this.peekSymbol('+')) sign = this.next().text === '-' ? -1 : 1;
    if (this.peek().kind !== 'number') this.fail(expected);
    return sign * Number(this.next().text);
  }

  /** Throws InvalidFilterError naming what was expected and what was found at the current token. */
  fail(expected: string, token: Cql2Token = this.peek()): never {
    throw new InvalidFilterError(
      `invalid CQL2-Text: expected ${expected} but found ${describeToken(token)}`,
      `line ${token.line}, column ${token.column}`,
    );
  }
}

function describeToken(token: Cql2Token): string {
  switch (token.kind) {
    case 'end':
      return 'the end of the filter';
    case 'string':
      return `the string '${token.text}'`;
    case 'quoted':
      return `the property "${token.text}"`;
    default:
      return `'${token.text}'`;
  }
}
