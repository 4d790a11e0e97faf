import { describe, expect, it } from 'vitest';
import {
  parseCollectionSearchBody,
  parseCollectionSearchQuery,
  parseItemSearchBody,
  parseItemSearchQuery,
} from '../../../src/catalog/search/search-request-parser.js';
import { CRS84 } from '../../../src/catalog/search/filter-parser.js';

const policy = { defaultLimit: 10, maxLimit: 100 };

describe('item search parsing', () => {
  it('parses GET and POST forms to the same ItemSearch', () => {
    const query = parseItemSearchQuery(
      {
        ids: 'a, b',
        collections: 'pleiades',
        bbox: '170,-10,-170,10',
        datetime: '2024-01-01T00:00:00Z/..',
        limit: '500',
        sortby: '-properties.eo:cloud_cover',
        filter: "platform = 'pleiades-1a'",
        q: 'volcan,eruption',
        token: 'next:abc',
      },
      policy,
    );
    const body = parseItemSearchBody(
      {
        ids: ['a', 'b'],
        collections: ['pleiades'],
        bbox: [170, -10, -170, 10],
        datetime: '2024-01-01T00:00:00Z/..',
        limit: 500,
        sortby: [{ field: 'eo:cloud_cover', direction: 'desc' }],
        filter: { op: '=', args: [{ property: 'platform' }, 'pleiades-1a'] },
        q: ['volcan', 'eruption'],
        token: 'next:abc',
      },
      policy,
    );
    expect(query.search).toEqual(body.search);
    expect(query.search).toEqual({
      ids: ['a', 'b'],
      collections: ['pleiades'],
      bbox: [170, -10, -170, 10],
      datetime: { start: Date.parse('2024-01-01T00:00:00Z'), end: undefined },
      limit: 100,
      sortby: [{ field: 'eo:cloud_cover', direction: 'desc' }],
      filter: { op: '=', args: [{ property: 'platform' }, 'pleiades-1a'] },
      q: 'volcan,eruption',
      token: 'next:abc',
    });
  });

  it('accepts CQL2-JSON in GET and CQL2-text in POST when filter-lang says so', () => {
    const json = JSON.stringify({ op: '<', args: [{ property: 'eo:cloud_cover' }, 10] });
    const fromGet = parseItemSearchQuery({ filter: json, 'filter-lang': 'cql2-json', 'filter-crs': CRS84 });
    const fromPost = parseItemSearchBody({ filter: '"eo:cloud_cover" < 10', 'filter-lang': 'cql2-text' });
    expect(fromGet.search.filter).toEqual(fromPost.search.filter);
  });

  it('returns the fields selection separately', () => {
    expect(parseItemSearchQuery({ fields: 'id,-assets' }).fields).toEqual({
      include: ['id'],
      exclude: ['assets'],
    });
    expect(parseItemSearchQuery({}).fields).toBeUndefined();
  });

  it.each([
    [
      { bbox: [0, 0, 1, 1], intersects: { type: 'Point', coordinates: [0, 0] } },
      /bbox and intersects cannot be used together/,
    ],
    [{ ids: [1, 2] }, /ids must be/],
    [{ q: 5 }, /q must be/],
    [{ datetime: 2024 }, /datetime must be a string/],
    [{ token: 3 }, /token must be a string/],
    [{ filter: 'x = 1' }, /cql2-json filter is not valid JSON/],
    [{ 'filter-crs': 'EPSG:4326', filter: { op: '=', args: [1, 1] } }, /filter-crs must be/],
  ])('rejects %j', (body, message) => {
    expect(() => parseItemSearchBody(body)).toThrow(message);
  });

  it('rejects a body that is not an object', () => {
    expect(() => parseItemSearchBody([1])).toThrow(/must be a JSON object/);
  });
});

describe('collection search parsing', () => {
  it('parses GET and POST forms', () => {
    const query = parseCollectionSearchQuery({ q: 'land cover', bbox: '55,-21.5,56,-20.5', limit: '2' });
    const body = parseCollectionSearchBody({ q: 'land cover', bbox: [55, -21.5, 56, -20.5], limit: 2 });
    expect(query.search).toEqual(body.search);
    expect(query.search).toEqual({ q: 'land cover', bbox: [55, -21.5, 56, -20.5], limit: 2 });
  });
});
