/** CQL2-JSON validation: normal form of valid input, JSON-pointer locations for invalid input. */
import { describe, expect, it } from 'vitest';
import { parseCql2Json } from '../../../src/catalog/cql2/index.js';
import { InvalidFilterError } from '../../../src/catalog/catalog-errors.js';

describe('parseCql2Json', () => {
  it('normalises operator case and timestamps', () => {
    expect(
      parseCql2Json({
        op: 'AND',
        args: [
          { op: 'T_METBY', args: [{ property: 'a' }, { timestamp: '2012-08-10T05:30:00.000000Z' }] },
          { op: 't_during', args: [{ property: 'b' }, { interval: ['2020-01-01T00:00:00.500Z', '..'] }] },
          { op: 'isnull', args: [{ property: 'c' }] },
        ],
      }),
    ).toStrictEqual({
      op: 'and',
      args: [
        { op: 't_metBy', args: [{ property: 'a' }, { timestamp: '2012-08-10T05:30:00Z' }] },
        { op: 't_during', args: [{ property: 'b' }, { interval: ['2020-01-01T00:00:00.5Z', '..'] }] },
        { op: 'isNull', args: [{ property: 'c' }] },
      ],
    });
  });

  it('rewrites pre-1.0 (pgstac) spellings to CQL2 1.0', () => {
    expect(
      parseCql2Json({
        op: 'and',
        args: [
          { op: 'eq', args: [{ property: 'a' }, 1] },
          { op: 'a_contained_by', args: [{ property: 'b' }, [1, 2]] },
          { op: 'anyinteracts', args: [{ property: 'datetime' }, '2011-08-16T00:00:00Z/..'] },
          { op: 't_after', args: [{ property: 'datetime' }, '2011-08-16'] },
        ],
      }),
    ).toStrictEqual({
      op: 'and',
      args: [
        { op: '=', args: [{ property: 'a' }, 1] },
        { op: 'a_containedBy', args: [{ property: 'b' }, [1, 2]] },
        {
          op: 't_intersects',
          args: [{ property: 'datetime' }, { interval: ['2011-08-16T00:00:00Z', '..'] }],
        },
        { op: 't_after', args: [{ property: 'datetime' }, { date: '2011-08-16' }] },
      ],
    });
    expect(() => parseCql2Json({ op: 't_after', args: [{ property: 'd' }, 'soon/later'] })).toThrow(
      /not a date, a timestamp or an interval/,
    );
  });

  it('keeps custom function names as sent and accepts geometries carrying a bbox member', () => {
    const geometry = { type: 'Point', coordinates: [1, 2], bbox: [1, 2, 1, 2] };
    expect(parseCql2Json({ op: 'Buffer', args: [geometry, 10] })).toStrictEqual({
      op: 'Buffer',
      args: [geometry, 10],
    });
  });

  it('limits nesting depth', () => {
    let deep: unknown = true;
    for (let i = 0; i < 150; i++) deep = { op: 'not', args: [deep] };
    expect(() => parseCql2Json(deep)).toThrow(/levels of nesting/);
  });

  it.each([
    [{ op: '=', args: [{ property: 'a' }] }, '"=" takes 2 argument(s), got 1', '/args'],
    [
      { op: 'and', args: [true, { op: 'in', args: [{ property: 'a' }, 3] }] },
      'second argument of "in" must be an array',
      '/args/1/args/1',
    ],
    [
      { op: '<', args: [{ property: 'a' }, { timestamp: '2020-13-01T00:00:00Z' }] },
      '"timestamp" must be',
      '/args/1/timestamp',
    ],
    [{ op: '<', args: [{ property: 'a' }, { date: '2020-1-1' }] }, '"date" must be a date', '/args/1/date'],
    [
      { op: 's_intersects', args: [{ property: 'g' }, { bbox: [1, 2, 3] }] },
      '"bbox" must be an array of 4 or 6 numbers',
      '/args/1/bbox',
    ],
    [
      {
        op: 's_intersects',
        args: [
          { property: 'g' },
          {
            type: 'Polygon',
            coordinates: [
              [
                [0, 0],
                [1, 0],
                [0, 0],
              ],
            ],
          },
        ],
      },
      'ring must be closed',
      '/args/1/coordinates/0',
    ],
    [
      { op: 's_intersects', args: [{ property: 'g' }, { type: 'Circle', coordinates: [0, 0] }] },
      'unknown geometry type',
      '/args/1/type',
    ],
    [
      { op: 't_after', args: [{ property: 't' }, { interval: ['2020-01-01', 'later'] }] },
      "'later' is not a date",
      '/args/1/interval/1',
    ],
    [{ op: '=', args: [{ property: '' }, 1] }, '"property" must be a non-empty string', '/args/0/property'],
    [{ op: '=', args: [{ property: 'a', extra: 1 }, 1] }, 'unexpected member "extra"', '/args/0/extra'],
    [{ op: '=', args: [{ foo: 1 }, 1] }, 'unknown expression object', '/args/0'],
    [{ op: '=', args: [null, 1] }, 'null is not a CQL2 expression', '/args/0'],
    [{ op: 5, args: [] }, '"op" must be a non-empty string', '/op'],
    [{ op: 'not', args: 'x' }, '"args" must be an array', '/args'],
  ])('rejects %j', (value, message, pointer) => {
    let error: unknown;
    try {
      parseCql2Json(value);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidFilterError);
    expect((error as InvalidFilterError).message).toContain(message);
    expect((error as InvalidFilterError).location).toBe(pointer);
  });
});
