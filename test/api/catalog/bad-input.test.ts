/**
 * Issue 2 point 5: bad input gets 400/404 with a message saying what is wrong and where, never 500, and
 * never changes stored data; SQL-injection attempts through every parameter are inert.
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogStore } from '../../../src/catalog/store/catalog-store.js';
import { createTestCatalog, snapshot } from './catalog-test-app.js';

let app: FastifyInstance;
let store: CatalogStore;
let before: string;

beforeAll(async () => {
  ({ app, store } = await createTestCatalog());
  before = await snapshot(store);
});
afterAll(() => app.close());

async function expectError(request: string | InjectOptions, status: number, code: string, mention?: RegExp) {
  const response = await app.inject(request);
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toContain('application/json');
  const body = response.json();
  expect(body.code).toBe(code);
  expect(typeof body.description).toBe('string');
  if (mention) expect(body.description).toMatch(mention);
}

const search = (payload: unknown, contentType = 'application/json'): InjectOptions => ({
  method: 'POST',
  url: '/api/search',
  headers: { 'content-type': contentType },
  payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
});

describe('bad input (issue 2 point 5)', () => {
  it('malformed JSON → 400 API_INVALID_JSON', async () => {
    await expectError(search('{"collections": ["pleiades"'), 400, 'API_INVALID_JSON');
    await expectError(search(''), 400, 'API_INVALID_JSON');
    await expectError(
      {
        method: 'PATCH',
        url: '/api/collections/pleiades',
        headers: { 'content-type': 'application/merge-patch+json' },
        payload: '{"title":',
      },
      400,
      'API_INVALID_JSON',
    );
  });

  it('invalid CQL2 → 400 CATALOG_INVALID_FILTER', async () => {
    await expectError(
      `/api/search?filter=${encodeURIComponent('eo:cloud_cover >>> 3')}`,
      400,
      'CATALOG_INVALID_FILTER',
    );
    await expectError(search({ filter: { op: 'nonsense', args: [] } }), 400, 'CATALOG_INVALID_FILTER');
    await expectError('/api/search?filter-lang=cql3', 400, 'API_INVALID_REQUEST', /filter-lang/);
    await expectError(
      `/api/search?filter=id='x'&filter-crs=${encodeURIComponent('http://www.opengis.net/def/crs/EPSG/0/2975')}`,
      400,
      'CATALOG_INVALID_FILTER',
      /filter-crs/,
    );
  });

  it('unknown queryable → 400 CATALOG_UNKNOWN_QUERYABLE', async () => {
    await expectError(
      `/api/search?filter=${encodeURIComponent('no_such_property = 3')}`,
      400,
      'CATALOG_UNKNOWN_QUERYABLE',
      /no_such_property/,
    );
    await expectError(
      '/api/search?sortby=-no_such_property',
      400,
      'CATALOG_UNKNOWN_QUERYABLE',
      /no_such_property/,
    );
  });

  it('inverted bbox → 400 naming the bbox', async () => {
    await expectError(
      '/api/search?bbox=55,-20,56,-21',
      400,
      'CATALOG_INVALID_SEARCH',
      /bbox south -20 is greater than north -21/,
    );
    await expectError(search({ bbox: [55, -20, 56, -21] }), 400, 'CATALOG_INVALID_SEARCH', /bbox/);
    await expectError('/api/search?bbox=1,2,3', 400, 'CATALOG_INVALID_SEARCH', /4 or 6 numbers/);
  });

  it('invalid datetime → 400 naming the value', async () => {
    await expectError(
      '/api/search?datetime=2024-02-30T00:00:00Z',
      400,
      'CATALOG_INVALID_SEARCH',
      /2024-02-30T00:00:00Z/,
    );
    await expectError('/api/search?datetime=last-week', 400, 'CATALOG_INVALID_SEARCH', /'last-week'/);
    await expectError(
      search({ datetime: '2024-01-02T00:00:00Z/2024-01-01T00:00:00Z' }),
      400,
      'CATALOG_INVALID_SEARCH',
      /starts after it ends/,
    );
  });

  it('self-intersecting geometry → 400 with the reason and location', async () => {
    const bowtie = {
      type: 'Polygon',
      coordinates: [
        [
          [55, -21],
          [56, -20],
          [56, -21],
          [55, -20],
          [55, -21],
        ],
      ],
    };
    await expectError(
      search({ intersects: bowtie }),
      400,
      'CATALOG_INVALID_SEARCH',
      /Self-intersection at \(55\.5, -20\.5\)/,
    );
    await expectError(
      `/api/search?intersects=${encodeURIComponent(JSON.stringify(bowtie))}`,
      400,
      'CATALOG_INVALID_SEARCH',
      /Self-intersection/,
    );
  });

  it('bad limits → 400; a huge limit is clamped', async () => {
    await expectError('/api/search?limit=0', 400, 'API_INVALID_REQUEST', /limit/);
    await expectError('/api/search?limit=-5', 400, 'API_INVALID_REQUEST', /limit/);
    await expectError('/api/search?limit=2.5', 400, 'API_INVALID_REQUEST', /limit/);
    const huge = await app.inject('/api/search?limit=99999999999');
    expect(huge.statusCode).toBe(200);
  });

  it('unknown collection → 404 under /collections/{c}', async () => {
    for (const url of [
      '/api/collections/nope/items',
      '/api/collections/nope/queryables',
      '/api/collections/nope/aggregate',
    ]) {
      await expectError(url, 404, 'CATALOG_COLLECTION_NOT_FOUND', /'nope'/);
    }
  });

  it('wrong body shapes and media types → 4xx, never 500', async () => {
    await expectError(search({ limit: 'ten' }), 400, 'API_INVALID_REQUEST');
    await expectError(search([1, 2]), 400, 'API_INVALID_REQUEST');
    await expectError(search('<a>1</a>', 'application/xml'), 415, 'API_UNSUPPORTED_MEDIA_TYPE');
    await expectError(search({ sortby: 'datetime' }), 400, 'API_INVALID_REQUEST');
    await expectError('/api/search?token=garbage', 400, 'CATALOG_INVALID_SEARCH');
    await expectError(
      '/api/aggregate?aggregations=nonsense_frequency',
      400,
      'CATALOG_INVALID_SEARCH',
      /nonsense_frequency/,
    );
  });

  it('URLs the router rejects get the same JSON error body', async () => {
    await expectError(`/api/collections/${'x'.repeat(1200)}`, 414, 'API_URI_TOO_LONG');
    await expectError('/api/collections/%E0%A4%A', 400, 'API_INVALID_REQUEST');
  });

  it('a POST search without a body is the empty search', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/search' });
    expect(response.statusCode).toBe(200);
    expect(response.json().numberReturned).toBe(10);
  });

  it('body too large → 413 API_PAYLOAD_TOO_LARGE', async () => {
    const ids = Array.from({ length: 120_000 }, (_, index) => `item-${index}`);
    await expectError(search({ ids }), 413, 'API_PAYLOAD_TOO_LARGE');
  });

  it('odd values in every parameter never cause a 500', async () => {
    const odd = [
      '"',
      '*',
      'NEAR(',
      'a AND',
      '-',
      '\u0000',
      '%00',
      '🌋',
      'é'.repeat(5000),
      '(((',
      '..',
      ',',
      '[]',
      '{}',
      'null',
    ];
    const parameters = [
      'ids',
      'collections',
      'bbox',
      'datetime',
      'q',
      'filter',
      'sortby',
      'fields',
      'token',
      'intersects',
      'limit',
    ];
    for (const value of odd) {
      for (const parameter of parameters) {
        const response = await app.inject(`/api/search?${parameter}=${encodeURIComponent(value)}`);
        expect(response.statusCode, `${parameter}=${value.slice(0, 20)} → ${response.body}`).toBeLessThan(
          500,
        );
      }
      const posted = await app.inject(search({ q: value, ids: [value], datetime: value }));
      expect(posted.statusCode).toBeLessThan(500);
    }
  });

  it('changed no stored data', async () => {
    expect(await snapshot(store)).toBe(before);
  });
});

describe('SQL injection through every parameter', () => {
  const payloads = [
    "'; DROP TABLE items; --",
    "x' OR '1'='1",
    '1); DELETE FROM collections; --',
    '" OR 1=1 --',
    "pleiades') UNION SELECT name FROM sqlite_master --",
  ];
  const enc = encodeURIComponent;

  for (const payload of payloads) {
    it(`is inert: ${payload}`, async () => {
      const requests: (string | InjectOptions)[] = [
        `/api/search?ids=${enc(payload)}`,
        `/api/search?collections=${enc(payload)}`,
        `/api/search?bbox=${enc(payload)}`,
        `/api/search?datetime=${enc(payload)}`,
        `/api/search?q=${enc(payload)}`,
        `/api/search?filter=${enc(`title = '${payload.replace(/'/g, "''")}'`)}`,
        `/api/search?filter=${enc(payload)}`,
        `/api/search?filter=${enc(`"${payload.replace(/"/g, '')}" = 1`)}`,
        `/api/search?sortby=${enc(payload)}`,
        `/api/search?fields=${enc(payload)}`,
        `/api/search?token=${enc(payload)}`,
        `/api/search?intersects=${enc(payload)}`,
        `/api/collections?q=${enc(payload)}`,
        `/api/collections?filter=${enc(payload)}`,
        `/api/collections?token=${enc(payload)}`,
        `/api/collections/${enc(payload)}`,
        `/api/collections/${enc(payload)}/items`,
        `/api/collections/pleiades/items/${enc(payload)}`,
        `/api/collections/${enc(payload)}/queryables`,
        `/api/aggregate?aggregations=${enc(payload)}`,
        `/api/aggregate?q=${enc(payload)}`,
        search({ ids: [payload], collections: [payload], q: payload }),
        search({ filter: { op: '=', args: [{ property: payload }, payload] } }),
        search({ filter: { op: 'like', args: [{ property: 'title' }, payload] } }),
        search({ sortby: [{ field: payload, direction: 'asc' }] }),
        search({ fields: { include: [payload], exclude: [payload] } }),
        search({ token: payload }),
        { method: 'DELETE', url: `/api/collections/${enc(payload)}` },
        { method: 'DELETE', url: `/api/collections/pleiades/items/${enc(payload)}` },
      ];
      for (const request of requests) {
        const response = await app.inject(request);
        expect(response.statusCode, `${JSON.stringify(request)} → ${response.body}`).toBeLessThan(500);
        expect([200, 400, 404]).toContain(response.statusCode);
        if (
          response.statusCode === 200 &&
          typeof request === 'string' &&
          /[?&](ids|collections|filter)=/.test(request)
        ) {
          // A value smuggled into SQL would widen the match: it must match nothing.
          expect(response.json().features).toEqual([]);
        }
      }
      expect(await snapshot(store)).toBe(before);
    });
  }
});
