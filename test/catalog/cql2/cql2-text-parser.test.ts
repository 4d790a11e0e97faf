/**
 * CQL2-Text parsing beyond the standard vectors: precedence, literals, function-call spellings of
 * operators, and error messages that say what was expected and where.
 */
import { describe, expect, it } from 'vitest';
import { cql2ToText, parseCql2Text } from '../../../src/catalog/cql2/index.js';
import { InvalidFilterError } from '../../../src/catalog/catalog-errors.js';

function parseError(text: string): InvalidFilterError {
  try {
    parseCql2Text(text);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidFilterError);
    return error as InvalidFilterError;
  }
  throw new Error(`'${text}' parsed without error`);
}

describe('parseCql2Text', () => {
  it.each([
    [
      'a + b * c ^ 2 - d',
      {
        op: '-',
        args: [
          {
            op: '+',
            args: [
              { property: 'a' },
              { op: '*', args: [{ property: 'b' }, { op: '^', args: [{ property: 'c' }, 2] }] },
            ],
          },
          { property: 'd' },
        ],
      },
    ],
    [
      'x > 1038290-5%2',
      { op: '>', args: [{ property: 'x' }, { op: '-', args: [1038290, { op: '%', args: [5, 2] }] }] },
    ],
    [
      'x > 1038290-21 div 10',
      { op: '>', args: [{ property: 'x' }, { op: '-', args: [1038290, { op: 'div', args: [21, 10] }] }] },
    ],
    [
      'a OR b AND NOT c',
      {
        op: 'or',
        args: [
          { property: 'a' },
          { op: 'and', args: [{ property: 'b' }, { op: 'not', args: [{ property: 'c' }] }] },
        ],
      },
    ],
    [
      'x NOT BETWEEN 1 AND 2 AND y',
      {
        op: 'and',
        args: [{ op: 'not', args: [{ op: 'between', args: [{ property: 'x' }, 1, 2] }] }, { property: 'y' }],
      },
    ],
    ['x IS NOT NULL', { op: 'not', args: [{ op: 'isNull', args: [{ property: 'x' }] }] }],
    ["in(t, 'a', 'b')", { op: 'in', args: [{ property: 't' }, ['a', 'b']] }],
    ["LIKE(t, 'a%')", { op: 'like', args: [{ property: 't' }, 'a%'] }],
    ['A_CONTAINS(tags, (1))', { op: 'a_contains', args: [{ property: 'tags' }, [1]] }],
    ['T_METBY(a, b)', { op: 't_metBy', args: [{ property: 'a' }, { property: 'b' }] }],
    [
      "name = 'O''Brien' AND n = 'it\\'s'",
      {
        op: 'and',
        args: [
          { op: '=', args: [{ property: 'name' }, "O'Brien"] },
          { op: '=', args: [{ property: 'n' }, "it's"] },
        ],
      },
    ],
    ['"date" >= DATE(\'2021-04-16\')', { op: '>=', args: [{ property: 'date' }, { date: '2021-04-16' }] }],
    [
      "t = TIMESTAMP('2021-04-16T12:00:00+02:00')",
      { op: '=', args: [{ property: 't' }, { timestamp: '2021-04-16T10:00:00Z' }] },
    ],
    [
      'S_INTERSECTS(g, POINT Z(1 2 3))',
      { op: 's_intersects', args: [{ property: 'g' }, { type: 'Point', coordinates: [1, 2, 3] }] },
    ],
    [
      'S_INTERSECTS(g, MULTIPOINT(1 2, 3 4))',
      {
        op: 's_intersects',
        args: [
          { property: 'g' },
          {
            type: 'MultiPoint',
            coordinates: [
              [1, 2],
              [3, 4],
            ],
          },
        ],
      },
    ],
    ['x = -2.5e3', { op: '=', args: [{ property: 'x' }, -2500] }],
    ['TRUE', true],
  ])('%s', (text, expected) => {
    expect(parseCql2Text(text)).toStrictEqual(expected);
    expect(parseCql2Text(cql2ToText(parseCql2Text(text)))).toStrictEqual(expected);
  });

  it.each([
    ["name = 'abc", 'unterminated string', 'line 1, column 8'],
    ['x >', 'expected an expression but found the end of the filter', 'line 1, column 4'],
    ['x BETWEEN 1 OR 2', 'expected AND between the BETWEEN bounds', 'line 1, column 13'],
    ['a = 1\n  AND b = # 2', "unexpected character '#'", 'line 2, column 11'],
    ["d = DATE('2021-02-30')", "expected a date 'YYYY-MM-DD'", 'line 1, column 10'],
    ["t = TIMESTAMP('yesterday')", 'expected a timestamp', 'line 1, column 15'],
    [
      'S_INTERSECTS(g, POLYGON((0 0, 1 0, 1 1)))',
      'closed and have at least 4 positions',
      'line 1, column 17',
    ],
    ['S_INTERSECTS(g, BBOX(1, 2, 3))', 'a BBOX of 4 or 6 numbers', 'line 1, column 29'],
    ['S_INTERSECTS(g)', '2 argument(s) for S_INTERSECTS', 'line 1, column 1'],
    ['a = 1 b = 2', 'expected AND, OR or the end of the filter', 'line 1, column 7'],
    ['', 'expected an expression', 'line 1, column 1'],
    ["INTERVAL('2020-01-01', 'tomorrow')", "expected a date, a timestamp or '..'", 'line 1, column 24'],
    [`${'('.repeat(150)}x = 1${')'.repeat(150)}`, 'at most 100 levels of nesting', 'line 1, column 101'],
    [`${'NOT '.repeat(200)}x`, 'at most 100 levels of nesting', 'line 1, column 401'],
  ])('rejects %j', (text, message, location) => {
    const error = parseError(text);
    expect(error.message).toContain(message);
    expect(error.location).toBe(location);
    expect(error.code).toBe('CATALOG_INVALID_FILTER');
  });
});
