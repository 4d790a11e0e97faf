/** In-memory evaluator: three-valued logic, LIKE escapes, arithmetic corner cases, unsupported functions. */
import { describe, expect, it } from 'vitest';
import { evaluateCql2, parseCql2Json, parseCql2Text } from '../../../src/catalog/cql2/index.js';
import { InvalidFilterError } from '../../../src/catalog/catalog-errors.js';

const feature = {
  id: 'item-1',
  geometry: { type: 'Point', coordinates: [55.71, -21.24] },
  properties: {
    title: 'Piton de la Fournaise 100% lava',
    missing: null,
    cloud: 12.5,
    keywords: ['volcano', 'lava'],
    datetime: '2023-07-02T10:00:00Z',
    place: 'Réunion',
  },
};
const matches = (text: string): boolean => evaluateCql2(parseCql2Text(text), feature);

describe('evaluateCql2', () => {
  it.each([
    ["id = 'item-1'", true],
    ['missing = 1 OR NOT (missing = 1)', false],
    ['missing = 1 OR true', true],
    ['NOT (missing IS NULL)', false],
    ['absent IS NULL', true],
    ["title LIKE '%100\\%%'", true],
    ["title LIKE '%100\\_%'", false],
    ["title LIKE 'piton%'", false],
    ["CASEI(title) LIKE casei('PITON%')", true],
    ["ACCENTI(CASEI(place)) = 'reunion'", true],
    ['cloud / 0 IS NULL', true],
    ['cloud div 5 = 2 AND -7 div 2 = -3 AND -7 % 2 = -1', true],
    ["A_CONTAINS(keywords, ('lava'))", true],
    ["A_EQUALS(keywords, ('lava', 'volcano'))", true],
    ["T_DURING(datetime, INTERVAL('2023-07-01', '..'))", true],
    ["datetime > DATE('2023-07-02') AND datetime < TIMESTAMP('2023-07-02T10:00:01Z')", true],
    ['S_WITHIN(geometry, BBOX(55.2, -21.4, 55.9, -20.8))', true],
    ['S_INTERSECTS(geometry, BBOX(170, -30, -170, -10))', false],
    ["cloud = 'twelve'", false],
  ])('%s → %s', (text, expected) => expect(matches(text)).toBe(expected));

  it('treats a start/end string from a resolver as the item interval', () => {
    const range = { properties: { datetime: '2020-01-01T00:00:00Z/2020-01-31T00:00:00Z' } };
    const during = (text: string): boolean => evaluateCql2(parseCql2Text(text), range);
    expect(during("T_INTERSECTS(datetime, DATE('2020-01-15'))")).toBe(true);
    expect(during("T_CONTAINS(datetime, INTERVAL('2020-01-10', '2020-01-20'))")).toBe(true);
    expect(during("T_AFTER(datetime, DATE('2019-12-31'))")).toBe(true);
    expect(during("T_BEFORE(datetime, DATE('2020-01-15'))")).toBe(false);
    expect(
      evaluateCql2(parseCql2Text("T_AFTER(d, DATE('1999-01-01'))"), { properties: { d: '2000-01-01/..' } }),
    ).toBe(true);
  });

  it('reads properties through a custom resolver', () => {
    const expr = parseCql2Json({ op: '>', args: [{ property: 'eo:cloud_cover' }, 10] });
    expect(
      evaluateCql2(expr, feature, (name, f) => (name === 'eo:cloud_cover' ? f.properties?.cloud : undefined)),
    ).toBe(true);
  });

  it('rejects functions it does not implement with InvalidFilterError', () => {
    expect(() => matches('avg(cloud) > 3')).toThrow(InvalidFilterError);
    expect(() => matches("S_WITHIN(geometry, Buffer(geometry, 10, 'm'))")).toThrow(
      /function 'Buffer' is not supported/,
    );
  });
});
