import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, createTestCatalog } from './catalog-test-app.js';
import type { StacItem } from '../../../src/catalog/model/stac-types.js';
import { item } from './stac-fixtures.js';

interface Link {
  rel: string;
  href: string;
  method?: string;
  body?: Record<string, unknown>;
  merge?: boolean;
}
interface Feature {
  id: string;
  collection: string;
  links: Link[];
  properties: Record<string, unknown>;
  [key: string]: unknown;
}
interface Page {
  type: string;
  features: Feature[];
  links: Link[];
  numberMatched?: number;
  numberReturned: number;
}

let app: FastifyInstance;

beforeAll(async () => {
  ({ app } = await createTestCatalog());
});
afterAll(() => app.close());

async function get(url: string): Promise<Page> {
  const response = await app.inject(url);
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toContain('application/geo+json');
  return response.json() as Page;
}

async function post(body: Record<string, unknown>): Promise<Page> {
  const response = await app.inject({ method: 'POST', url: '/api/search', payload: body });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Page;
}

const ids = (page: Page): string[] => page.features.map((feature) => feature.id);
const relative = (href: string): string => href.slice(BASE.length);

describe('item access', () => {
  it('serves one item with navigation links and its stored links', async () => {
    const response = await app.inject('/api/collections/pleiades/items/pleiades-003');
    expect(response.statusCode).toBe(200);
    const feature = response.json() as Feature;
    const stored = item('pleiades', 3);
    expect({ ...feature, links: undefined }).toEqual({ ...stored, links: undefined });
    expect(feature.links).toEqual([
      {
        rel: 'self',
        href: `${BASE}/api/collections/pleiades/items/pleiades-003`,
        type: 'application/geo+json',
      },
      { rel: 'root', href: `${BASE}/api`, type: 'application/json' },
      { rel: 'parent', href: `${BASE}/api/collections/pleiades`, type: 'application/json' },
      { rel: 'collection', href: `${BASE}/api/collections/pleiades`, type: 'application/json' },
      {
        rel: 'alternate',
        href: `${BASE}/collections/pleiades/items/pleiades-003`,
        type: 'text/html',
        title: 'Landing page',
      },
      ...stored.links,
    ]);
  });

  it('answers 404 for an unknown item or collection', async () => {
    const unknownItem = await app.inject('/api/collections/pleiades/items/nope');
    expect(unknownItem.statusCode).toBe(404);
    expect(unknownItem.json()).toMatchObject({ code: 'CATALOG_ITEM_NOT_FOUND' });
    for (const url of [
      '/api/collections/nope',
      '/api/collections/nope/items',
      '/api/collections/nope/items/x',
    ]) {
      const response = await app.inject(url);
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('CATALOG_COLLECTION_NOT_FOUND');
      expect(response.json().description).toContain("'nope'");
    }
  });

  it('lists the items of one collection with counts and links', async () => {
    const page = await get('/api/collections/landcover/items');
    expect(page.numberReturned).toBe(3);
    expect(page.numberMatched).toBe(3);
    expect(page.features.every((feature) => feature.collection === 'landcover')).toBe(true);
    expect(page.links.find((link) => link.rel === 'self')?.href).toBe(
      `${BASE}/api/collections/landcover/items`,
    );
    expect(page.links.find((link) => link.rel === 'collection')?.href).toBe(
      `${BASE}/api/collections/landcover`,
    );
  });
});

describe('item search', () => {
  it('defaults to 10 items and reports numberMatched/numberReturned', async () => {
    const page = await get('/api/search');
    expect(page.numberReturned).toBe(10);
    expect(page.numberMatched).toBe(28);
  });

  it('filters by ids and collections, GET and POST alike', async () => {
    const query = await get('/api/search?collections=pleiades&ids=pleiades-001,pleiades-002,landcover-001');
    expect(ids(query).sort()).toEqual(['pleiades-001', 'pleiades-002']);
    const body = await post({
      collections: ['pleiades'],
      ids: ['pleiades-001', 'pleiades-002', 'landcover-001'],
    });
    expect(ids(body).sort()).toEqual(ids(query).sort());
  });

  it('returns an empty page for an unknown collection in /search', async () => {
    const page = await get('/api/search?collections=nope');
    expect(page.features).toEqual([]);
  });

  it('filters by bbox, datetime and intersects', async () => {
    const box = await get('/api/search?collections=pleiades&bbox=55.21,-21.39,55.29,-21.31&limit=100');
    expect(ids(box)).toEqual(['pleiades-000']);
    const range = await get(
      '/api/search?collections=pleiades&datetime=2024-01-03T00:00:00Z/2024-01-05T00:00:00Z&limit=100',
    );
    expect(ids(range).sort()).toEqual(['pleiades-002', 'pleiades-003', 'pleiades-004']);
    const open = await get('/api/search?collections=pleiades&datetime=2024-01-24T00:00:00Z/..&limit=100');
    expect(ids(open).sort()).toEqual(['pleiades-023', 'pleiades-024']);
    const before = await get('/api/search?collections=pleiades&datetime=../2024-01-01T12:00:00Z');
    expect(ids(before)).toEqual(['pleiades-000']);
    const point = await post({
      collections: ['pleiades'],
      intersects: { type: 'Point', coordinates: [55.25, -21.35] },
    });
    expect(ids(point)).toEqual(['pleiades-000']);
  });

  it('sorts with sortby (GET and POST) and filters with CQL2 text and JSON', async () => {
    const sorted = await get('/api/search?collections=pleiades&sortby=-properties.eo:cloud_cover&limit=3');
    expect(ids(sorted)).toEqual(['pleiades-024', 'pleiades-023', 'pleiades-022']);
    const postSorted = await post({
      collections: ['pleiades'],
      sortby: [{ field: 'eo:cloud_cover', direction: 'asc' }],
      limit: 2,
    });
    expect(ids(postSorted)).toEqual(['pleiades-000', 'pleiades-001']);
    const text = await get(
      `/api/search?filter=${encodeURIComponent('"eo:cloud_cover" >= 88 AND platform = \'pleiades-1a\'')}`,
    );
    expect(ids(text).sort()).toEqual(['pleiades-022', 'pleiades-024']);
    const json = await post({
      filter: {
        op: 'and',
        args: [
          { op: '>=', args: [{ property: 'eo:cloud_cover' }, 88] },
          { op: '=', args: [{ property: 'platform' }, 'pleiades-1a'] },
        ],
      },
    });
    expect(ids(json).sort()).toEqual(['pleiades-022', 'pleiades-024']);
  });

  it('searches free text, accent-insensitively', async () => {
    const page = await get('/api/search?q=eruption');
    expect(ids(page)).toContain('pleiades-007');
  });

  it('applies the fields extension to the response', async () => {
    const page = await get('/api/search?ids=pleiades-001&fields=properties.eo:cloud_cover,-assets,-geometry');
    expect(Object.keys(page.features[0]).sort()).toEqual(
      ['bbox', 'collection', 'id', 'links', 'properties', 'stac_extensions', 'stac_version', 'type'].sort(),
    );
    expect(page.features[0].properties).toEqual({
      datetime: '2024-01-02T00:00:00.000Z',
      'eo:cloud_cover': 4,
    });
    const excluded = await post({ ids: ['pleiades-001'], fields: { exclude: ['properties.platform'] } });
    expect(excluded.features[0].properties).not.toHaveProperty('platform');
    expect(excluded.features[0]).toHaveProperty('assets');
  });

  it('accepts CQL2-JSON in a GET query with filter-lang=cql2-json', async () => {
    const filter = JSON.stringify({ op: 'in', args: [{ property: 'id' }, ['pleiades-001', 'pleiades-002']] });
    const page = await get(`/api/search?filter-lang=cql2-json&filter=${encodeURIComponent(filter)}`);
    expect(ids(page).sort()).toEqual(['pleiades-001', 'pleiades-002']);
  });

  it('searches bboxes crossing the antimeridian', async () => {
    const fiji = await createTestCatalog();
    const east: StacItem = { ...item('landcover', 90), bbox: [179.2, -17, 179.4, -16.8] };
    east.geometry = { type: 'Point', coordinates: [179.3, -16.9] };
    const west: StacItem = { ...item('landcover', 91), bbox: [-179.9, -17, -179.7, -16.8] };
    west.geometry = { type: 'Point', coordinates: [-179.8, -16.9] };
    await fiji.store.writeItems([east, west], 'insert');
    const crossing = (await fiji.app.inject('/api/search?bbox=179,-18,-179.5,-16')).json() as Page;
    expect(ids(crossing).sort()).toEqual(['landcover-090', 'landcover-091']);
    const eastOnly = (await fiji.app.inject('/api/search?bbox=179,-18,180,-16')).json() as Page;
    expect(ids(eastOnly)).toEqual(['landcover-090']);
    await fiji.app.close();
  });

  it('clamps a huge limit to the maximum instead of failing', async () => {
    const { app: small } = await createTestCatalog({ maxLimit: 5 });
    const response = await small.inject('/api/search?limit=1000000000');
    expect(response.statusCode).toBe(200);
    expect(response.json().numberReturned).toBe(5);
    await small.close();
  });
});

describe('paging', () => {
  it('walks every page with GET next links, and back with prev', async () => {
    const seen: string[] = [];
    let url: string | undefined = '/api/search?collections=pleiades&limit=10&sortby=-datetime';
    const pages: Page[] = [];
    while (url) {
      const page = await get(url);
      pages.push(page);
      seen.push(...ids(page));
      const next = page.links.find((link) => link.rel === 'next');
      if (next) {
        expect(next.href.startsWith(`${BASE}/api/search?`)).toBe(true);
        expect(new URL(next.href).searchParams.get('sortby')).toBe('-datetime');
      }
      url = next ? relative(next.href) : undefined;
    }
    expect(pages.map((page) => page.numberReturned)).toEqual([10, 10, 5]);
    expect(new Set(seen).size).toBe(25);
    const prev = pages[1].links.find((link) => link.rel === 'prev');
    expect(prev).toBeDefined();
    expect(ids(await get(relative(prev!.href)))).toEqual(ids(pages[0]));
  });

  it('walks POST pages with merged bodies', async () => {
    const body = { collections: ['pleiades'], limit: 10 };
    const seen: string[] = [];
    let request: Record<string, unknown> | undefined = body;
    while (request) {
      const page = await post(request);
      seen.push(...ids(page));
      const next = page.links.find((link) => link.rel === 'next');
      if (next) expect(next).toMatchObject({ method: 'POST', merge: true, href: `${BASE}/api/search` });
      request = next ? { ...body, ...next.body } : undefined;
    }
    expect(new Set(seen).size).toBe(25);
    expect(seen.length).toBe(25);
  });

  it('never skips or repeats an item when items are inserted between pages', async () => {
    const fresh = await createTestCatalog();
    const getFresh = async (url: string): Promise<Page> => (await fresh.app.inject(url)).json() as Page;
    const first = await getFresh('/api/collections/landcover/items?limit=2&sortby=datetime');
    await fresh.store.writeItems(
      [
        item('landcover', 50, { datetime: '2016-01-01T00:00:00Z' }),
        item('landcover', 51, { datetime: '2030-01-01T00:00:00Z' }),
      ],
      'insert',
    );
    const seen = [...ids(first)];
    let next = first.links.find((link) => link.rel === 'next');
    while (next) {
      const page = await getFresh(relative(next.href));
      seen.push(...ids(page));
      next = page.links.find((link) => link.rel === 'next');
    }
    await fresh.app.close();
    expect(seen.length).toBe(new Set(seen).size);
    for (const id of ['landcover-000', 'landcover-001', 'landcover-002', 'landcover-051'])
      expect(seen).toContain(id);
  });
});
