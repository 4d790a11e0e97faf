import { describe, expect, it } from 'vitest';
import { parseODataFilter } from '../../../src/insitu/sta/odata-filter.js';
import { matchesFilter, observationPredicate } from '../../../src/insitu/sta/sta-filter-evaluation.js';
import { parseResourcePath } from '../../../src/insitu/sta/sta-service.js';

describe('OData $filter subset', () => {
  it('gives and precedence over or, and honours parentheses and not', () => {
    expect(parseODataFilter("a eq 1 or b eq 'x' and not c lt 2.5")).toEqual({
      kind: 'or',
      left: { kind: 'compare', op: 'eq', path: ['a'], value: 1 },
      right: {
        kind: 'and',
        left: { kind: 'compare', op: 'eq', path: ['b'], value: 'x' },
        right: { kind: 'not', operand: { kind: 'compare', op: 'lt', path: ['c'], value: 2.5 } },
      },
    });
    expect(parseODataFilter('(a eq 1 or b eq 2) and c ne null').kind).toBe('and');
  });

  it('reads date-times, quoted or not, strings with doubled quotes, booleans and paths', () => {
    const at = Date.UTC(2020, 0, 1);
    expect(parseODataFilter('phenomenonTime ge 2020-01-01T00:00:00Z')).toMatchObject({
      value: { dateTime: at },
    });
    expect(parseODataFilter("phenomenonTime ge '2020-01-01T04:00:00+04:00'")).toMatchObject({
      value: { dateTime: at },
    });
    expect(parseODataFilter("name eq 'Piton d''Enchaing'")).toMatchObject({ value: "Piton d'Enchaing" });
    expect(parseODataFilter('properties/active eq true')).toMatchObject({
      path: ['properties', 'active'],
      value: true,
    });
  });

  it.each([
    ['name eq', /expected a literal .* at character 8, found end of filter/],
    ['name xx 1', /expected a comparison operator .* at character 6/],
    ['(name eq 1', /expected '\)' at character 11/],
    ["name eq 'open", /unterminated string starting at character 9/],
    ['name eq 1 name', /expected 'and', 'or' or the end of the filter at character 11/],
    ['length(name) gt 3', /function 'length' is not supported/],
    ['name eq 1 + 2', /unexpected '\+' at character 11/],
  ])('rejects %s', (text, message) => expect(() => parseODataFilter(text)).toThrow(message));

  it('evaluates on entities and translates to observation predicates', () => {
    const entity = {
      '@iot.id': 'BOMG',
      name: 'Bory',
      phenomenonTime: '2020-01-01T00:00:00.000Z/2021-01-01T00:00:00.000Z',
    };
    expect(matchesFilter(entity, parseODataFilter("id eq 'BOMG' and name ne 'x'"))).toBe(true);
    expect(matchesFilter(entity, parseODataFilter('phenomenonTime lt 2019-06-01T00:00:00Z'))).toBe(false);
    expect(matchesFilter(entity, parseODataFilter('name gt 3'))).toBe(false);
    expect(
      observationPredicate(parseODataFilter('result gt 3 and resultTime le 2020-01-01T00:00:00Z')),
    ).toEqual({
      kind: 'and',
      left: { kind: 'compare', field: 'value', op: 'gt', value: 3 },
      right: { kind: 'compare', field: 'time', op: 'le', value: Date.UTC(2020, 0, 1) },
    });
  });
});

describe('resource paths', () => {
  it.each([
    ['Things', { set: 'Things', id: undefined, navigation: undefined }],
    ["Things('BO''MG')", { set: 'Things', id: "BO'MG", navigation: undefined }],
    ['Datastreams(12)/Observations', { set: 'Datastreams', id: '12', navigation: 'Observations' }],
  ])('parses %s', (path, expected) => expect(parseResourcePath(path)).toEqual(expected));

  it.each(['Things/Datastreams', "Things('a')/Datastreams('b')", 'Gizmos'])('rejects %s', (path) =>
    expect(() => parseResourcePath(path)).toThrow(),
  );
});
