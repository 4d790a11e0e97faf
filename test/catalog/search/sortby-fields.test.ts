import { describe, expect, it } from 'vitest';
import { applyFields, parseFields } from '../../../src/catalog/search/fields-projection.js';
import { parseLimit } from '../../../src/catalog/search/limit-parser.js';
import { parseSortby } from '../../../src/catalog/search/sortby-parser.js';

describe('parseSortby', () => {
  it('parses the GET form, reading a decoded + (space) as ascending', () => {
    expect(parseSortby(' datetime,-properties.eo:cloud_cover,id')).toEqual([
      { field: 'datetime', direction: 'asc' },
      { field: 'eo:cloud_cover', direction: 'desc' },
      { field: 'id', direction: 'asc' },
    ]);
  });
  it('parses the POST form', () => {
    expect(parseSortby([{ field: 'properties.datetime', direction: 'desc' }])).toEqual([
      { field: 'datetime', direction: 'desc' },
    ]);
  });
  it('rejects malformed entries', () => {
    expect(() => parseSortby([{ field: 'datetime', direction: 'up' }])).toThrow(/direction must be/);
    expect(() => parseSortby('datetime; DROP TABLE items')).toThrow(/not a property name/);
    expect(() => parseSortby({})).toThrow(/must be a string/);
  });
});

describe('fields', () => {
  const item = {
    type: 'Feature',
    id: 'a',
    geometry: null,
    links: [],
    assets: { data: { href: 'x' } },
    properties: { datetime: '2020-01-01T00:00:00Z', 'eo:cloud_cover': 3, platform: 'pleiades' },
  };
  it('parses GET and POST forms', () => {
    expect(parseFields('id,-properties.platform,+assets')).toEqual({
      include: ['id', 'assets'],
      exclude: ['properties.platform'],
    });
    expect(parseFields({ include: ['id'] })).toEqual({ include: ['id'], exclude: [] });
    expect(() => parseFields({ include: 'id' })).toThrow(/array of strings/);
  });
  it('excludes nested members and keeps the rest', () => {
    const result = applyFields(item, { include: [], exclude: ['properties.platform', 'assets'] });
    expect(result).toEqual({
      type: 'Feature',
      id: 'a',
      geometry: null,
      links: [],
      properties: { datetime: item.properties.datetime, 'eo:cloud_cover': 3 },
    });
    expect(item.properties.platform).toBe('pleiades');
  });
  it('includes the default members plus the named ones', () => {
    const result = applyFields(item, { include: ['properties.eo:cloud_cover'], exclude: ['assets'] });
    expect(result).toEqual({
      type: 'Feature',
      id: 'a',
      geometry: null,
      links: [],
      properties: { datetime: item.properties.datetime, 'eo:cloud_cover': 3 },
    });
  });
});

describe('parseLimit', () => {
  const policy = { defaultLimit: 10, maxLimit: 100 };
  it('defaults, accepts and clamps', () => {
    expect(parseLimit(undefined, policy)).toBe(10);
    expect(parseLimit('25', policy)).toBe(25);
    expect(parseLimit(1_000_000, policy)).toBe(100);
  });
  it.each(['0', '-1', '1.5', 'ten', 0, 2.5])('rejects %s', (value) => {
    expect(() => parseLimit(value, policy)).toThrow(/limit must be a positive integer/);
  });
});
