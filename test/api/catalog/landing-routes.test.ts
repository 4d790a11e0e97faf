import { Validator } from '@seriousme/openapi-schema-validator';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/api/build-app.js';
import { BASE, createTestCatalog } from './catalog-test-app.js';
import { MemoryTestStore } from './memory-test-store.js';
import { collection } from './stac-fixtures.js';

interface Link {
  rel: string;
  href: string;
  method?: string;
  type?: string;
}

let app: FastifyInstance;

beforeAll(async () => {
  ({ app } = await createTestCatalog());
});
afterAll(() => app.close());

describe('landing page', () => {
  it('is a Catalog with every STAC API link, absolute', async () => {
    const response = await app.inject('/api');
    expect(response.statusCode).toBe(200);
    const landing = response.json();
    expect(landing).toMatchObject({ type: 'Catalog', stac_version: '1.1.0', id: 'fournaise' });
    const links = landing.links as Link[];
    const byRel = (rel: string): Link[] => links.filter((link) => link.rel === rel);
    expect(byRel('self')[0].href).toBe(`${BASE}/api`);
    expect(byRel('root')[0].href).toBe(`${BASE}/api`);
    expect(byRel('service-desc')[0]).toMatchObject({
      href: `${BASE}/api/api`,
      type: 'application/vnd.oai.openapi+json;version=3.0',
    });
    expect(byRel('service-doc')[0]).toMatchObject({ href: `${BASE}/api/api.html`, type: 'text/html' });
    expect(byRel('conformance')[0].href).toBe(`${BASE}/api/conformance`);
    expect(byRel('data')[0].href).toBe(`${BASE}/api/collections`);
    expect(
      byRel('search')
        .map((link) => link.method)
        .sort(),
    ).toEqual(['GET', 'POST']);
    expect(byRel('http://www.opengis.net/def/rel/ogc/1.0/queryables')[0].href).toBe(`${BASE}/api/queryables`);
    expect(byRel('aggregate').length).toBe(2);
    expect(byRel('aggregations')[0].href).toBe(`${BASE}/api/aggregations`);
    expect(
      byRel('child')
        .map((link) => link.href)
        .sort(),
    ).toEqual([`${BASE}/api/collections/landcover`, `${BASE}/api/collections/pleiades`]);
    for (const link of links) expect(link.href).toMatch(/^http:\/\/fournaise\.test\//);
  });

  it('advertises the conformance classes of the store', async () => {
    const { conformsTo } = (await app.inject('/api/conformance')).json() as { conformsTo: string[] };
    for (const uri of [
      'https://api.stacspec.org/v1.0.0/core',
      'https://api.stacspec.org/v1.0.0/item-search',
      'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
      'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter',
      'http://www.opengis.net/spec/cql2/1.0/conf/cql2-text',
      'https://api.stacspec.org/v1.0.0/item-search#sort',
      'https://api.stacspec.org/v1.0.0/item-search#fields',
      'https://api.stacspec.org/v1.0.0-rc.1/item-search#free-text',
      'https://api.stacspec.org/v1.0.0-rc.1/collection-search',
      'https://api.stacspec.org/v0.3.0/aggregation',
      'https://api.stacspec.org/v1.0.0/ogcapi-features/extensions/transaction',
    ]) {
      expect(conformsTo).toContain(uri);
    }
    expect((await app.inject('/api')).json().conformsTo).toEqual(conformsTo);
  });

  it('lets other capability plugins add links and conformance classes', async () => {
    const store = new MemoryTestStore(readOnly);
    const withRaster = buildApp({ catalog: store, baseUrl: BASE });
    withRaster.register(
      async (plugin) => {
        plugin.landing.addLinks((apiRoot) => [{ rel: 'data', href: `${apiRoot}/tiles`, title: 'Map tiles' }]);
        plugin.landing.addConformance('http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core');
      },
      { prefix: '/api' },
    );
    const landing = (await withRaster.inject('/api')).json();
    expect(landing.links).toContainEqual({ rel: 'data', href: `${BASE}/api/tiles`, title: 'Map tiles' });
    expect(landing.conformsTo).toContain('http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core');
    await withRaster.close();
  });
});

const readOnly = {
  filter: false,
  sort: false,
  freeText: false,
  aggregation: false,
  transactions: false,
  collectionSearch: false,
};

describe('a read-only store without extensions', () => {
  it('advertises only what it supports and serves no write routes', async () => {
    const store = new MemoryTestStore(readOnly);
    await store.putCollection(collection('pleiades', 'Pléiades', []), 'insert');
    const minimal = buildApp({ catalog: store, baseUrl: BASE });
    const { conformsTo } = (await minimal.inject('/api/conformance')).json() as { conformsTo: string[] };
    expect(conformsTo).toContain('https://api.stacspec.org/v1.0.0/core');
    expect(conformsTo.some((uri) => uri.includes('transaction') || uri.includes('filter'))).toBe(false);
    expect((await minimal.inject({ method: 'DELETE', url: '/api/collections/pleiades' })).statusCode).toBe(
      404,
    );
    const create = await minimal.inject({
      method: 'POST',
      url: '/api/collections',
      payload: collection('other', 'Other', []),
    });
    expect(create.statusCode).toBe(501);
    expect(create.json().code).toBe('API_NOT_SUPPORTED');
    expect((await minimal.inject('/api/queryables')).statusCode).toBe(404);
    await minimal.close();
  });
});

describe('service description', () => {
  it('is a valid OpenAPI 3.0 document describing every catalogue route', async () => {
    const response = await app.inject('/api/api');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.oai.openapi+json;version=3.0');
    const document = response.json();
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.servers).toEqual([{ url: BASE }]);
    for (const path of [
      '/api',
      '/api/conformance',
      '/api/collections',
      '/api/collections/{collectionId}',
      '/api/collections/{collectionId}/items',
      '/api/collections/{collectionId}/items/{itemId}',
      '/api/search',
      '/api/queryables',
      '/api/aggregate',
      '/api/aggregations',
      '/api/collections/{collectionId}/bulk_items',
    ]) {
      expect(document.paths).toHaveProperty([path]);
    }
    expect(Object.keys(document.paths['/api/search']).sort()).toEqual(['get', 'post']);
    expect(Object.keys(document.paths['/api/search'].get.responses['200'].content)).toEqual([
      'application/geo+json',
    ]);
  });

  it('is rendered as an HTML page without external scripts', async () => {
    const response = await app.inject('/api/api.html');
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('<code>/api/search</code>');
    expect(response.body).not.toMatch(/<script/i);
  });
});

describe('HTTP behaviour', () => {
  it('builds links from X-Forwarded-* headers when no base URL is configured', async () => {
    const { app: proxied } = await createTestCatalog({ baseUrl: undefined });
    const response = await proxied.inject({
      url: '/api/collections/pleiades',
      headers: {
        host: 'internal:8080',
        'x-forwarded-proto': 'https',
        'x-forwarded-host': 'data.example.org',
        'x-forwarded-prefix': '/fournaise/',
      },
    });
    const self = (response.json().links as Link[]).find((link) => link.rel === 'self');
    expect(self?.href).toBe('https://data.example.org/fournaise/api/collections/pleiades');
    const direct = await proxied.inject({ url: '/api', headers: { host: 'localhost:8080' } });
    expect((direct.json().links as Link[])[0].href).toBe('http://localhost:8080/api');
    const forged = await proxied.inject({
      url: '/api',
      headers: {
        host: 'localhost:8080',
        'x-forwarded-host': 'evil"><script>',
        'x-forwarded-proto': 'javascript',
      },
    });
    expect((forged.json().links as Link[])[0].href).toBe('http://localhost:8080/api');
    await proxied.close();
  });

  it('answers CORS requests', async () => {
    const simple = await app.inject({
      url: '/api/search',
      headers: { origin: 'https://portal.example.org' },
    });
    expect(simple.headers['access-control-allow-origin']).toBe('https://portal.example.org');
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/api/search',
      headers: {
        origin: 'https://portal.example.org',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-methods']).toContain('POST');
  });

  it('answers unknown routes with a JSON 404 and leaves / to the portal', async () => {
    for (const url of ['/', '/api/nothing', '/api/collections/pleiades/items/x/y']) {
      const response = await app.inject(url);
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('API_NOT_FOUND');
    }
  });
});
