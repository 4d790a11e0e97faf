/**
 * `sortby=-relevance` (Fournaise extension of the sort extension) through the API: item search by GET and
 * POST, next links that keep the order, collection search, and 400s that say what is missing.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCatalog } from './catalog-test-app.js';
import { item } from './stac-fixtures.js';

let app: FastifyInstance;

beforeAll(async () => {
  const catalog = await createTestCatalog();
  app = catalog.app;
  // Scene 7 holds "éruption" in its title; these hold it in keywords or description, and one holds two terms.
  await catalog.store.writeItems(
    [
      item('pleiades', 30, { title: 'Scene 30', keywords: ['eruption'] }),
      item('pleiades', 31, { title: 'Scene 31', description: "Coulée de l'éruption" }),
      item('pleiades', 32, { title: 'Scene 32', description: 'Eruption at the Fournaise' }),
    ],
    'insert',
  );
});
afterAll(() => app.close());

const ids = (body: { features: { id: string }[] }) => body.features.map((feature) => feature.id);

describe('sortby=-relevance', () => {
  it('lists title matches first, then keywords, then description (GET and POST agree)', async () => {
    const get = (await app.inject('/api/search?q=eruption&sortby=-relevance')).json();
    expect(ids(get)).toEqual(['pleiades-007', 'pleiades-030', 'pleiades-032', 'pleiades-031']);
    const post = await app.inject({
      method: 'POST',
      url: '/api/search',
      payload: { q: 'eruption', sortby: [{ field: 'relevance', direction: 'desc' }] },
    });
    expect(ids(post.json())).toEqual(ids(get));
  });

  it('puts items matching more terms first', async () => {
    const body = (await app.inject('/api/search?q=eruption,fournaise&sortby=-relevance')).json();
    // Scene 7 has both words in its title, scene 32 both in its description.
    expect(ids(body)).toEqual(['pleiades-007', 'pleiades-032', 'pleiades-030', 'pleiades-031']);
  });

  it('keeps the order across next links', async () => {
    const all = ids((await app.inject('/api/search?q=eruption&sortby=-relevance')).json());
    const seen: string[] = [];
    let url: string | undefined = '/api/search?q=eruption&sortby=-relevance&limit=1';
    while (url) {
      const body: { features: { id: string }[]; links: { rel: string; href: string }[] } = (
        await app.inject(url)
      ).json();
      seen.push(...ids(body));
      const next = body.links.find((link) => link.rel === 'next');
      url = next ? new URL(next.href).pathname + new URL(next.href).search : undefined;
    }
    expect(seen).toEqual(all);
  });

  it('ranks collection search results', async () => {
    const body = (await app.inject('/api/collections?q=land,cover,pleiades&sortby=-relevance')).json();
    expect(body.collections.map((c: { id: string }) => c.id)).toEqual(['landcover', 'pleiades']);
  });

  it('answers 400 naming sortby when q is missing, and naming q when it has too many terms', async () => {
    const withoutQ = await app.inject('/api/search?sortby=-relevance');
    expect(withoutQ.statusCode).toBe(400);
    expect(withoutQ.json()).toMatchObject({ code: 'CATALOG_INVALID_SEARCH' });
    expect(withoutQ.json().description).toMatch(/relevance.*q/);
    const collections = await app.inject('/api/collections?sortby=-relevance');
    expect(collections.statusCode).toBe(400);
    const manyTerms = Array.from({ length: 20 }, (_, i) => `w${i}`).join(',');
    const tooMany = await app.inject(`/api/search?q=${manyTerms}&sortby=-relevance`);
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().description).toMatch(/at most 16 terms/);
  });
});
