import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, createTestCatalog } from './catalog-test-app.js';

interface Link {
  rel: string;
  href: string;
}

let app: FastifyInstance;

beforeAll(async () => {
  ({ app } = await createTestCatalog());
});
afterAll(() => app.close());

describe('collections', () => {
  it('lists collections with their links', async () => {
    const response = await app.inject('/api/collections');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.numberReturned).toBe(2);
    const pleiades = body.collections.find((c: { id: string }) => c.id === 'pleiades');
    const rels = Object.fromEntries((pleiades.links as Link[]).map((link) => [link.rel, link.href]));
    expect(rels).toMatchObject({
      self: `${BASE}/api/collections/pleiades`,
      parent: `${BASE}/api`,
      root: `${BASE}/api`,
      items: `${BASE}/api/collections/pleiades/items`,
      'http://www.opengis.net/def/rel/ogc/1.0/queryables': `${BASE}/api/collections/pleiades/queryables`,
      aggregate: `${BASE}/api/collections/pleiades/aggregate`,
      license: 'https://creativecommons.org/licenses/by/4.0/',
    });
  });

  it('searches collections by free text, ids, bbox and filter, by GET and POST', async () => {
    const text = (await app.inject('/api/collections?q=land')).json();
    expect(text.collections.map((c: { id: string }) => c.id)).toEqual(['landcover']);
    const posted = await app.inject({ method: 'POST', url: '/api/collections', payload: { q: 'land' } });
    expect(posted.statusCode, posted.body).toBe(200);
    expect(posted.json().collections.map((c: { id: string }) => c.id)).toEqual(['landcover']);
    const filtered = (
      await app.inject(`/api/collections?filter=${encodeURIComponent("id = 'pleiades'")}`)
    ).json();
    expect(filtered.collections.map((c: { id: string }) => c.id)).toEqual(['pleiades']);
    const far = (await app.inject('/api/collections?bbox=0,0,1,1')).json();
    expect(far.collections).toEqual([]);
  });

  it('pages through collections', async () => {
    const first = (await app.inject('/api/collections?limit=1')).json();
    expect(first.collections.length).toBe(1);
    const next = (first.links as Link[]).find((link) => link.rel === 'next');
    expect(next).toBeDefined();
    const second = (await app.inject(next!.href.slice(BASE.length))).json();
    expect(second.collections.length).toBe(1);
    expect(second.collections[0].id).not.toBe(first.collections[0].id);
  });

  it('serves queryables with an absolute $id', async () => {
    const response = await app.inject('/api/collections/pleiades/queryables');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/schema+json');
    const schema = response.json();
    expect(schema.$id).toBe(`${BASE}/api/collections/pleiades/queryables`);
    expect(schema.properties).toHaveProperty(['eo:cloud_cover']);
    const root = (await app.inject('/api/queryables')).json();
    expect(root.$id).toBe(`${BASE}/api/queryables`);
  });
});
