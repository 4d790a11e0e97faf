/**
 * CQL2-Text parser: a recursive-descent reading of cql2.bnf producing the CQL2-JSON tree, so that a text
 * filter and its JSON counterpart give the same expression.
 * Precedence, loosest first: OR, AND, NOT, predicates (comparison, LIKE, BETWEEN, IN, IS NULL),
 * `+ -`, `* / % div`, `^`, unary minus. Also accepts the function-call spelling of operators that some
 * clients send (`in(x, (1, 2))`, `like(x, 'a%')`, `not(x)`).
 * See OGC 21-065r2 annex B (cql2.bnf).
 */
import type { Cql2Expression } from './cql2-expression.js';
import { tokenizeCql2Text } from './cql2-text-lexer.js';
import { Cql2TokenCursor } from './cql2-token-cursor.js';
import { isWktKeyword, parseWktGeometry } from './cql2-wkt-parser.js';
import { CANONICAL_OPERATOR_NAMES, COMPARISON_OPERATORS, FUNCTION_STYLE_ARITY } from './cql2-operators.js';
import { isCql2Date, normalizeCql2Timestamp } from './cql2-temporal.js';
import { validateGeoJsonGeometry } from './cql2-geojson-validation.js';

const RESERVED = new Set(['AND', 'OR', 'NOT', 'LIKE', 'BETWEEN', 'IN', 'IS', 'NULL', 'DIV']);

/**
 * Parses CQL2-Text into the CQL2-JSON expression tree.
 * Limits: the LIKE escape character is the backslash; timestamps are normalised to UTC `Z` form.
 * @throws InvalidFilterError with location "line L, column C" and what was expected there.
 * @example parseCql2Text("eo:cloud_cover < 10 AND platform = 'sentinel-2a'")
 */
export function parseCql2Text(text: string): Cql2Expression {
  const cursor = new Cql2TokenCursor(tokenizeCql2Text(text));
  if (cursor.peek().kind === 'end') cursor.fail('an expression');
  const expression = new TextParser(cursor).parseExpression();
  if (cursor.peek().kind !== 'end') cursor.fail('AND, OR or the end of the filter');
  return expression;
}

/** Nesting limit, so that a hostile filter cannot exhaust the stack. */
export const MAX_CQL2_NESTING = 100;

class TextParser {
  private depth = 0;

  constructor(private readonly cursor: Cql2TokenCursor) {}

  /** Runs a nested parse, failing cleanly past {@link MAX_CQL2_NESTING} levels. */
  private nested<T>(parse: () => T): T {
    if (++this.depth > MAX_CQL2_NESTING) this.cursor.fail(`at most ${MAX_CQL2_NESTING} levels of nesting`);
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  parseExpression(): Cql2Expression {
    return this.nested(() => this.parseChain('OR', () => this.parseAnd()));
  }

  private parseAnd(): Cql2Expression {
    return this.parseChain('AND', () => this.parseNot());
  }

  private parseChain(keyword: 'AND' | 'OR', operand: () => Cql2Expression): Cql2Expression {
    const args = [operand()];
    while (this.cursor.peekKeyword(keyword)) {
      this.cursor.next();
      args.push(operand());
    }
    return args.length === 1 ? args[0] : { op: keyword.toLowerCase(), args };
  }

  private parseNot(): Cql2Expression {
    if (this.cursor.peekKeyword('NOT')) {
      this.cursor.next();
      return { op: 'not', args: [this.nested(() => this.parseNot())] };
    }
    return this.parsePredicate();
  }

  private parsePredicate(): Cql2Expression {
    const left = this.parseAdditive();
    const token = this.cursor.peek();
    if (token.kind === 'symbol' && COMPARISON_OPERATORS.has(token.text)) {
      this.cursor.next();
      return { op: token.text, args: [left, this.parseAdditive()] };
    }
    let negate = false;
    if (
      this.cursor.peekKeyword('NOT') &&
      ['LIKE', 'BETWEEN', 'IN'].some((k) => this.cursor.peekKeyword(k, 1))
    ) {
      this.cursor.next();
      negate = true;
    }
    let predicate: Cql2Expression | undefined;
    if (this.cursor.peekKeyword('LIKE')) {
      this.cursor.next();
      predicate = { op: 'like', args: [left, this.parseAdditive()] };
    } else if (this.cursor.peekKeyword('BETWEEN')) {
      this.cursor.next();
      const low = this.parseAdditive();
      this.cursor.expectKeyword('AND', 'AND between the BETWEEN bounds');
      predicate = { op: 'between', args: [left, low, this.parseAdditive()] };
    } else if (this.cursor.peekKeyword('IN')) {
      this.cursor.next();
      this.cursor.expectSymbol('(', "'(' opening the IN list");
      predicate = { op: 'in', args: [left, this.parseListRest()] };
    } else if (this.cursor.peekKeyword('IS')) {
      this.cursor.next();
      const isNot = this.cursor.peekKeyword('NOT');
      if (isNot) this.cursor.next();
      this.cursor.expectKeyword('NULL', 'NULL or NOT NULL after IS');
      const isNull = { op: 'isNull', args: [left] };
      return isNot ? { op: 'not', args: [isNull] } : isNull;
    }
    if (predicate === undefined) return left;
    return negate ? { op: 'not', args: [predicate] } : predicate;
  }

  private parseAdditive(): Cql2Expression {
    let left = this.parseMultiplicative();
    while (this.cursor.peekSymbol('+') || this.cursor.peekSymbol('-')) {
      const op = this.cursor.next().text;
      left = { op, args: [left, this.parseMultiplicative()] };
    }
    return left;
  }

  private parseMultiplicative(): Cql2Expression {
    let left = this.parsePower();
    for (;;) {
      const token = this.cursor.peek();
      const isOperator =
        (token.kind === 'symbol' && ['*', '/', '%'].includes(token.text)) ||
        (this.cursor.peekKeyword('DIV') && !this.cursor.peekSymbol('(', 1));
      if (!isOperator) return left;
      this.cursor.next();
      left = { op: token.kind === 'symbol' ? token.text : 'div', args: [left, this.parsePower()] };
    }
  }

  private parsePower(): Cql2Expression {
    const base = this.parseUnary();
    if (!this.cursor.peekSymbol('^')) return base;
    this.cursor.next();
    return { op: '^', args: [base, this.nested(() => this.parsePower())] };
  }

  private parseUnary(): Cql2Expression {
    if (this.cursor.peekSymbol('+')) {
      this.cursor.next();
      return this.nested(() => this.parseUnary());
    }
    if (this.cursor.peekSymbol('-')) {
      this.cursor.next();
      const operand = this.nested(() => this.parseUnary());
      return typeof operand === 'number' ? -operand : { op: '*', args: [-1, operand] };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): Cql2Expression {
    const token = this.cursor.peek();
    switch (token.kind) {
      case 'number': {
        const value = Number(token.text);
        if (!Number.isFinite(value)) this.cursor.fail('a number within the range of a double');
        this.cursor.next();
        return value;
      }
      case 'string':
        this.cursor.next();
        return token.text;
      case 'quoted':
        this.cursor.next();
        return { property: token.text };
      case 'symbol':
        if (token.text !== '(') this.cursor.fail('an expression');
        return this.parseParenthesized();
      case 'end':
        return this.cursor.fail('an expression');
      default:
        return this.parseIdentifier();
    }
  }

  /** `( expr )` groups; `( a, b, ... )` and `()` are arrays. */
  private parseParenthesized(): Cql2Expression {
    this.cursor.next();
    if (this.cursor.peekSymbol(')')) {
      this.cursor.next();
      return [];
    }
    const first = this.parseExpression();
    if (this.cursor.peekSymbol(')')) {
      this.cursor.next();
      return first;
    }
    if (!this.cursor.peekSymbol(',')) this.cursor.fail("',' or ')'");
    this.cursor.next();
    return [first, ...this.parseListRest()];
  }

  /** Comma-separated expressions up to and including the closing parenthesis. */
  private parseListRest(): Cql2Expression[] {
    const items: Cql2Expression[] = [];
    if (this.cursor.peekSymbol(')')) {
      this.cursor.next();
      return items;
    }
    for (;;) {
      items.push(this.parseExpression());
      if (this.cursor.peekSymbol(')')) {
        this.cursor.next();
        return items;
      }
      this.cursor.expectSymbol(',', "',' or ')'");
    }
  }

  private parseIdentifier(): Cql2Expression {
    const token = this.cursor.peek();
    const upper = token.text.toUpperCase();
    const isCall = this.cursor.peekSymbol('(', 1);
    if ((upper === 'TRUE' || upper === 'FALSE') && !isCall) {
      this.cursor.next();
      return upper === 'TRUE';
    }
    const next = this.cursor.peek(1);
    const hasWktTag = next.kind === 'identifier' && /^(Z|M|ZM|EMPTY)$/i.test(next.text);
    if (isWktKeyword(upper) && (isCall || hasWktTag)) {
      const geometry = parseWktGeometry(this.cursor);
      return validateGeoJsonGeometry(geometry as unknown as Record<string, unknown>, '', (message) =>
        this.cursor.fail(`a valid geometry (${message})`, token),
      );
    }
    if (isCall && upper === 'BBOX') return this.parseBbox();
    if (isCall && (upper === 'DATE' || upper === 'TIMESTAMP')) return this.parseInstant(upper);
    if (isCall && upper === 'INTERVAL') return this.parseInterval();
    if (isCall) return this.parseCall();
    if (RESERVED.has(upper)) this.cursor.fail('an expression');
    this.cursor.next();
    return { property: token.text };
  }

  private parseBbox(): Cql2Expression {
    this.cursor.next();
    this.cursor.expectSymbol('(', "'(' after BBOX");
    const bbox = [this.cursor.signedNumber('a BBOX coordinate')];
    while (this.cursor.peekSymbol(',')) {
      this.cursor.next();
      bbox.push(this.cursor.signedNumber('a BBOX coordinate'));
    }
    const close = this.cursor.peek();
    this.cursor.expectSymbol(')', "',' or ')' in BBOX");
    if (bbox.length !== 4 && bbox.length !== 6) this.cursor.fail('a BBOX of 4 or 6 numbers', close);
    return { bbox };
  }

  private parseInstant(kind: 'DATE' | 'TIMESTAMP'): Cql2Expression {
    this.cursor.next();
    this.cursor.expectSymbol('(', `'(' after ${kind}`);
    const token = this.cursor.peek();
    if (token.kind !== 'string') this.cursor.fail(`a quoted ${kind === 'DATE' ? 'date' : 'timestamp'}`);
    this.cursor.next();
    this.cursor.expectSymbol(')', `')' closing ${kind}`);
    if (kind === 'DATE') {
      if (!isCql2Date(token.text)) this.cursor.fail("a date 'YYYY-MM-DD'", token);
      return { date: token.text };
    }
    const timestamp = normalizeCql2Timestamp(token.text);
    if (timestamp === undefined) this.cursor.fail("a timestamp 'YYYY-MM-DDThh:mm:ssZ'", token);
    return { timestamp };
  }

  private parseInterval(): Cql2Expression {
    this.cursor.next();
    this.cursor.expectSymbol('(', "'(' after INTERVAL");
    const start = this.parseIntervalBound();
    this.cursor.expectSymbol(',', "',' between the INTERVAL bounds");
    const end = this.parseIntervalBound();
    this.cursor.expectSymbol(')', "')' closing INTERVAL");
    return { interval: [start, end] };
  }

  private parseIntervalBound(): Cql2Expression {
    const token = this.cursor.peek();
    const bound = this.parseAdditive();
    if (typeof bound !== 'string') return bound;
    if (bound === '..' || isCql2Date(bound)) return bound;
    const timestamp = normalizeCql2Timestamp(bound);
    if (timestamp === undefined) this.cursor.fail("a date, a timestamp or '..'", token);
    return timestamp;
  }

  private parseCall(): Cql2Expression {
    const nameToken = this.cursor.next();
    const lower = nameToken.text.toLowerCase();
    this.cursor.next();
    const args: Cql2Expression[] = [];
    const isArrayOperator = lower.startsWith('a_') && CANONICAL_OPERATOR_NAMES.has(lower);
    if (!this.cursor.peekSymbol(')')) {
      for (;;) {
        // Array operands: a parenthesised list is always an array, even with one element.
        if (isArrayOperator && this.cursor.peekSymbol('(')) {
          this.cursor.next();
          args.push(this.parseListRest());
        } else {
          args.push(this.parseExpression());
        }
        if (this.cursor.peekSymbol(')')) break;
        this.cursor.expectSymbol(',', `',' or ')' in the arguments of ${nameToken.text}`);
      }
    }
    this.cursor.next();
    return this.buildCall(nameToken.text, lower, args, nameToken);
  }

  private buildCall(
    name: string,
    lower: string,
    args: Cql2Expression[],
    nameToken: ReturnType<Cql2TokenCursor['peek']>,
  ): Cql2Expression {
    const expectArgs = (count: number): void => {
      if (args.length !== count)
        this.cursor.fail(`${count} argument(s) for ${name}, got ${args.length}`, nameToken);
    };
    if (lower === 'in') {
      if (args.length < 2) this.cursor.fail(`a value and a list for ${name}`, nameToken);
      return {
        op: 'in',
        args: [args[0], args.length === 2 && Array.isArray(args[1]) ? args[1] : args.slice(1)],
      };
    }
    if (lower === 'and' || lower === 'or') {
      if (args.length < 2) this.cursor.fail(`at least 2 arguments for ${name}`, nameToken);
      return { op: lower, args };
    }
    const canonical = CANONICAL_OPERATOR_NAMES.get(lower);
    const fixed: Record<string, number> = {
      ...FUNCTION_STYLE_ARITY,
      like: 2,
      between: 3,
      not: 1,
      div: 2,
      isNull: 1,
    };
    if (canonical !== undefined && canonical in fixed) {
      expectArgs(fixed[canonical]);
      return { op: canonical, args };
    }
    return { op: name, args };
  }
}
