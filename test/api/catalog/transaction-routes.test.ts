import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CatalogStore } from '../../../src/catalog/store/catalog-store.js';
import { BASE, createTestCatalog, snapshot } from './catalog-test-app.js';
import { collection, item } from './stac-fixtures.js';

let app: FastifyInstance;
let store: CatalogStore;

beforeEach(async () => {
  ({ app, store } = await createTestCatalog());
});
afterEach(() => app.close());

const json = (
  method: 'POST' | 'PUT' | 'PATCH',
  url: string,
  payload: unknown,
  contentType = 'application/json',
) => app.inject({ method, url, headers: { 'content-type': contentType }, payload: JSON.stringify(payload) });

describe('collection transactions', () => {
  it('creates, replaces, patches and deletes a collection', async () => {
    const created = await json('POST', '/api/collections', collection('mnt', 'MNT Hermitage', ['dem']));
    expect(created.statusCode, created.body).toBe(201);
    expect(created.headers.location).toBe(`${BASE}/api/collections/mnt`);
    expect((await store.getCollection('mnt'))?.title).toBe('MNT Hermitage');

    const duplicate = await json('POST', '/api/collections', collection('mnt', 'Again', []));
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().code).toBe('CATALOG_COLLECTION_EXISTS');

    const replaced = await json('PUT', '/api/collections/mnt', { ...collection('mnt', 'MNT v2', ['dem']) });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect((await store.getCollection('mnt'))?.title).toBe('MNT v2');

    const patched = await json(
      'PATCH',
      '/api/collections/mnt',
      { title: 'MNT v3', keywords: null },
      'application/merge-patch+json',
    );
    expect(patched.statusCode, patched.body).toBe(200);
    const stored = await store.getCollection('mnt');
    expect(stored?.title).toBe('MNT v3');
    expect(stored).not.toHaveProperty('keywords');

    const deleted = await app.inject({ method: 'DELETE', url: '/api/collections/mnt' });
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect(await store.getCollection('mnt')).toBeUndefined();
    expect((await app.inject({ method: 'DELETE', url: '/api/collections/mnt' })).statusCode).toBe(404);
  });

  it('rejects an invalid collection with the schema errors and writes nothing', async () => {
    const before = await snapshot(store);
    const { license: _license, ...withoutLicense } = collection('bad', 'Bad', []);
    const response = await json('POST', '/api/collections', withoutLicense);
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('CATALOG_INVALID_STAC');
    expect(response.json().description).toMatch(/license/);
    expect(response.json().details.length).toBeGreaterThan(0);
    const renamed = await json('PUT', '/api/collections/pleiades', collection('other', 'Other', []));
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json().location).toBe('body.id');
    const missing = await json('PUT', '/api/collections/nope', collection('nope', 'Nope', []));
    expect(missing.statusCode).toBe(404);
    expect(await snapshot(store)).toBe(before);
  });
});

describe('item transactions', () => {
  it('creates, replaces, patches and deletes an item', async () => {
    const { collection: _c, ...fresh } = item('landcover', 9);
    const created = await json('POST', '/api/collections/landcover/items', fresh, 'application/geo+json');
    expect(created.statusCode, created.body).toBe(201);
    expect(created.headers.location).toBe(`${BASE}/api/collections/landcover/items/landcover-009`);
    expect((await store.getItem('landcover', 'landcover-009'))?.collection).toBe('landcover');

    const again = await json('POST', '/api/collections/landcover/items', fresh);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('CATALOG_ITEM_EXISTS');

    const replaced = await json(
      'PUT',
      '/api/collections/landcover/items/landcover-009',
      item('landcover', 9, { platform: 'spot-7' }),
    );
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect((await store.getItem('landcover', 'landcover-009'))?.properties.platform).toBe('spot-7');

    const patched = await json(
      'PATCH',
      '/api/collections/landcover/items/landcover-009',
      { properties: { 'eo:cloud_cover': 1.5, platform: null } },
      'application/merge-patch+json',
    );
    expect(patched.statusCode, patched.body).toBe(200);
    const stored = await store.getItem('landcover', 'landcover-009');
    expect(stored?.properties['eo:cloud_cover']).toBe(1.5);
    expect(stored?.properties).not.toHaveProperty('platform');
    expect(stored?.properties.datetime).toBe(item('landcover', 9).properties.datetime);

    expect(
      (await app.inject({ method: 'DELETE', url: '/api/collections/landcover/items/landcover-009' }))
        .statusCode,
    ).toBe(204);
    expect(await store.getItem('landcover', 'landcover-009')).toBeUndefined();
  });

  it('adds a FeatureCollection in one go', async () => {
    const response = await json('POST', '/api/collections/landcover/items', {
      type: 'FeatureCollection',
      features: [item('landcover', 20), item('landcover', 21)],
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toEqual({ inserted: 2, updated: 0, skipped: 0 });
  });

  it('accepts and reports unknown extensions', async () => {
    const extension = 'https://example.org/volcano/v1.0.0/schema.json';
    const withUnknown = { ...item('landcover', 30), stac_extensions: [extension] };
    const response = await json('POST', '/api/collections/landcover/items', withUnknown);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers['stac-unknown-extensions']).toBe(extension);
  });

  it('rejects invalid or mismatched items and changes nothing', async () => {
    const before = await snapshot(store);
    const invalid = await json('POST', '/api/collections/landcover/items', {
      ...item('landcover', 40),
      geometry: { type: 'Polygon' },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().code).toBe('CATALOG_INVALID_STAC');
    const elsewhere = await json('POST', '/api/collections/landcover/items', item('pleiades', 40));
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().location).toBe('body.collection');
    const renamed = await json('PATCH', '/api/collections/pleiades/items/pleiades-001', { id: 'other' });
    expect(renamed.statusCode).toBe(400);
    const unknownCollection = await json('POST', '/api/collections/nope/items', item('nope', 1));
    expect(unknownCollection.statusCode).toBe(404);
    const batch = await json('POST', '/api/collections/landcover/items', {
      type: 'FeatureCollection',
      features: [item('landcover', 41), { ...item('landcover', 42), properties: {} }],
    });
    expect(batch.statusCode).toBe(400);
    expect(batch.json().description).toMatch(/features\[1\]/);
    expect(await snapshot(store)).toBe(before);
  });
});

describe('bulk item load', () => {
  it('inserts and upserts in one transaction', async () => {
    const items = Object.fromEntries(
      [60, 61, 62].map((index) => [`landcover-0${index}`, item('landcover', index)]),
    );
    const inserted = await json('POST', '/api/collections/landcover/bulk_items', { items, method: 'insert' });
    expect(inserted.statusCode, inserted.body).toBe(200);
    expect(inserted.json()).toEqual({ inserted: 3, updated: 0, skipped: 0 });
    const upserted = await json('POST', '/api/collections/landcover/bulk_items', { items, method: 'upsert' });
    expect(upserted.json()).toMatchObject({ updated: 3 });
  });

  it('writes nothing when one item fails or already exists', async () => {
    const before = await snapshot(store);
    const withBad = {
      'landcover-070': item('landcover', 70),
      'landcover-071': { ...item('landcover', 71), assets: 'none' },
    };
    const invalid = await json('POST', '/api/collections/landcover/bulk_items', { items: withBad });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().description).toMatch(/landcover-071/);
    const existing = { 'landcover-072': item('landcover', 72), 'landcover-001': item('landcover', 1) };
    const conflict = await json('POST', '/api/collections/landcover/bulk_items', {
      items: existing,
      method: 'insert',
    });
    expect(conflict.statusCode).toBe(409);
    const mismatched = await json('POST', '/api/collections/landcover/bulk_items', {
      items: { other: item('landcover', 73) },
    });
    expect(mismatched.statusCode).toBe(400);
    expect(await snapshot(store)).toBe(before);
  });
});
