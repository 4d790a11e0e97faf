/**
 * Parser of the subset of the OData `$filter` grammar SensorThings clients use most
 * (OGC 18-088 SensorThings API Part 1 v1.1, §9.3.3.5; OData 4.0 ABNF): comparisons `eq ne gt ge lt le`,
 * `and`, `or`, `not`, parentheses, property paths (`name`, `id`, `properties/method`, `Thing/id`), and
 * literals: numbers, 'strings' (quotes doubled inside), true/false/null, and ISO 8601 date-times
 * (`2020-01-01T00:00:00Z`, also accepted quoted). Functions (`substringof`, `geo.intersects`, ...) and
 * arithmetic are not supported and are reported as such.
 */
import { InsituInvalidQueryError } from '../insitu-errors.js';

export type ODataOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
export type ODataLiteral = string | number | boolean | null | { readonly dateTime: number };

/** A parsed `$filter` expression. */
export type ODataFilter =
  | {
      readonly kind: 'compare';
      readonly op: ODataOperator;
      readonly path: readonly string[];
      readonly value: ODataLiteral;
    }
  | { readonly kind: 'and' | 'or'; readonly left: ODataFilter; readonly right: ODataFilter }
  | { readonly kind: 'not'; readonly operand: ODataFilter };

interface Token {
  readonly type: 'word' | 'string' | 'number' | 'datetime' | '(' | ')' | ',' | 'end';
  readonly text: string;
  readonly position: number;
}

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const OPERATORS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);

/**
 * Parses a `$filter` value.
 * @throws InsituInvalidQueryError saying what was expected and at which character (location `$filter:<n>`).
 */
export function parseODataFilter(text: string): ODataFilter {
  const tokens = tokenize(text);
  let index = 0;
  const peek = (): Token => tokens[index];
  const fail = (expected: string, token: Token = peek()): never => {
    const found = token.type === 'end' ? 'end of filter' : `'${token.text}'`;
    throw new InsituInvalidQueryError(
      `$filter: expected ${expected} at character ${token.position + 1}, found ${found}`,
      `$filter:${token.position + 1}`,
    );
  };
  const keyword = (word: string): boolean => peek().type === 'word' && peek().text === word;
  const orExpression = (): ODataFilter => {
    let left = andExpression();
    while (keyword('or')) {
      index++;
      left = { kind: 'or', left, right: andExpression() };
    }
    return left;
  };
  const andExpression = (): ODataFilter => {
    let left = unary();
    while (keyword('and')) {
      index++;
      left = { kind: 'and', left, right: unary() };
    }
    return left;
  };
  const unary = (): ODataFilter => {
    if (keyword('not')) {
      index++;
      return { kind: 'not', operand: unary() };
    }
    if (peek().type === '(') {
      index++;
      const inner = orExpression();
      if (peek().type !== ')') fail("')'");
      index++;
      return inner;
    }
    return comparison();
  };
  const comparison = (): ODataFilter => {
    const first = peek();
    if (first.type !== 'word' || isLiteralWord(first.text)) fail('a property name');
    index++;
    if (peek().type === '(') {
      throw new InsituInvalidQueryError(
        `$filter: function '${first.text}' is not supported (supported: eq ne gt ge lt le and or not)`,
        `$filter:${first.position + 1}`,
      );
    }
    const operator = peek();
    if (operator.type !== 'word' || !OPERATORS.has(operator.text))
      fail('a comparison operator (eq ne gt ge lt le)');
    index++;
    return {
      kind: 'compare',
      op: operator.text as ODataOperator,
      path: first.text.split('/'),
      value: literal(),
    };
  };
  const literal = (): ODataLiteral => {
    const token = peek();
    index++;
    switch (token.type) {
      case 'number':
        return Number(token.text);
      case 'datetime':
        return { dateTime: Date.parse(token.text) };
      case 'string':
        return DATETIME.test(token.text) ? { dateTime: Date.parse(token.text) } : token.text;
      case 'word':
        if (token.text === 'true') return true;
        if (token.text === 'false') return false;
        if (token.text === 'null') return null;
        break;
    }
    return fail('a literal (number, quoted string, date-time, true, false or null)', token);
  };
  const result = orExpression();
  if (peek().type !== 'end') fail("'and', 'or' or the end of the filter");
  return result;
}

function isLiteralWord(word: string): boolean {
  return word === 'true' || word === 'false' || word === 'null';
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t') {
      i++;
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ type: c, text: c, position: i });
      i++;
    } else if (c === "'") {
      const start = i;
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) {
          throw new InsituInvalidQueryError(
            `$filter: unterminated string starting at character ${start + 1}`,
            `$filter:${start + 1}`,
          );
        }
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i++];
      }
      tokens.push({ type: 'string', text: value, position: start });
    } else {
      const match = /^[^\s()',]+/.exec(text.slice(i));
      const word = match === null ? c : match[0];
      const type = DATETIME.test(word)
        ? 'datetime'
        : /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(word)
          ? 'number'
          : 'word';
      if (type === 'word' && !/^[A-Za-z@][A-Za-z0-9_@./]*$/.test(word)) {
        throw new InsituInvalidQueryError(
          `$filter: unexpected '${word}' at character ${i + 1}`,
          `$filter:${i + 1}`,
        );
      }
      tokens.push({ type, text: word, position: i });
      i += word.length;
    }
  }
  tokens.push({ type: 'end', text: '', position: text.length });
  return tokens;
}
