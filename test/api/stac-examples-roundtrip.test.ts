/**
 * Every STAC Collection and Item of test/fixtures/stac-examples goes in through the transaction API and comes
 * back from `GET /api/collections/{c}` / `GET /api/collections/{c}/items/{i}` unchanged, field by field, apart
 * from `links`: the client's own links must still be there, and the navigation links the server owns (self,
 * root, parent, collection) must be absolute. An object the STAC schemas reject, once its navigation links are
 * the server's, must be refused with 400 and change nothing.
 *
 * Items are sent one at a time to their `collection` (the example collection of that id when there is a valid
 * one, sent first, else a minimal collection) and deleted after the check, since several examples share ids.
 * Catalogs are not sent: the API has no route that stores a Catalog (the landing page is the catalogue's).
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/build-app.js';
import type { StacLink } from '../../src/catalog/model/stac-types.js';
import type { CatalogStore } from '../../src/catalog/store/catalog-store.js';
import { openSqliteCatalogStore } from '../../src/catalog/store/sqlite/sqlite-catalog-store.js';
import { validateStac } from '../../src/catalog/validation/stac-validator.js';
import {
  NON_STAC_EXAMPLES,
  listExampleFiles,
  readExampleObjects,
  type StacExample,
} from '../catalog/validation/stac-example-fixtures.js';

const BASE = 'http://roundtrip.test';
const API = `${BASE}/api`;
/** Collection for items that name none. */
const DEFAULT_COLLECTION = 'stac-examples-roundtrip';
const ITEM_NAVIGATION = new Set(['self', 'root', 'parent', 'collection']);
/** Collection links the server owns and replaces (see src/catalog/links/stac-links.ts). */
const COLLECTION_NAVIGATION = new Set([
  'self',
  'root',
  'parent',
  'items',
  'http://www.opengis.net/def/rel/ogc/1.0/queryables',
  'aggregate',
  'aggregations',
]);

type StacObject = Record<string, unknown>;

let store: CatalogStore;
let app: FastifyInstance;

beforeAll(async () => {
  store = openSqliteCatalogStore({ path: ':memory:' });
  app = buildApp({ catalog: store, baseUrl: BASE });
  await app.ready();
});

afterAll(async () => {
  await app.close();
  await store.close();
});

const examples = listExampleFiles()
  .filter((file) => !NON_STAC_EXAMPLES.has(file))
  .map((file) => ({ file, objects: readExampleObjects(file) }));

/** Valid example collections by id: items naming one of them are sent after it. */
const exampleCollections = new Map<string, StacObject>();
for (const { objects } of examples) {
  for (const { object } of objects) {
    if (object.type === 'Collection' && isAcceptable(object))
      exampleCollections.set(String(object.id), object);
  }
}

/**
 * An item as the API validates it: in its collection, with the server's navigation links instead of the
 * client's (so a relative self link or a missing collection link is not held against it).
 */
function itemAsServed(item: StacObject): StacObject {
  const collection = String(item.collection ?? DEFAULT_COLLECTION);
  const own = ((item.links as StacLink[] | undefined) ?? []).filter((link) => !ITEM_NAVIGATION.has(link.rel));
  const collectionUrl = `${API}/collections/${collection}`;
  const navigation: StacLink[] = [
    { rel: 'self', href: `${collectionUrl}/items/${String(item.id)}` },
    { rel: 'root', href: API },
    { rel: 'parent', href: collectionUrl },
    { rel: 'collection', href: collectionUrl },
  ];
  return { ...item, collection, links: [...navigation, ...own] };
}

/**
 * Whether the API must accept the object. Items are validated as served; collections as sent (the API checks
 * the body of POST /collections as it is, so a relative self link is an error there).
 */
function isAcceptable(object: StacObject): boolean {
  return validateStac(object.type === 'Feature' ? itemAsServed(object) : object).valid;
}

async function send(method: 'POST' | 'DELETE' | 'GET', url: string, payload?: unknown) {
  const response = await app.inject({ method, url: `/api${url}`, payload: payload as object | undefined });
  return {
    status: response.statusCode,
    body: response.body === '' ? undefined : (response.json() as StacObject),
  };
}

/** Makes sure the collection exists: the valid example collection of that id, else a minimal one. */
async function ensureCollection(id: string): Promise<void> {
  if ((await send('GET', `/collections/${encodeURIComponent(id)}`)).status === 200) return;
  const collection = exampleCollections.get(id) ?? {
    type: 'Collection',
    stac_version: '1.1.0',
    id,
    description: `Minimal collection holding the STAC example items of collection ${id}`,
    license: 'other',
    extent: { spatial: { bbox: [[-180, -90, 180, 90]] }, temporal: { interval: [[null, null]] } },
    links: [],
  };
  const created = await send('POST', '/collections', collection);
  expect(created.status, `creating collection ${id}: ${JSON.stringify(created.body)}`).toBe(201);
}

/** Field-by-field comparison; `added` lists members the server may add when the original lacks them. */
function expectSameApartFromLinks(
  original: StacObject,
  served: StacObject,
  where: string,
  added: string[] = [],
) {
  for (const [key, value] of Object.entries(original)) {
    if (key === 'links') continue;
    expect(served[key], `${where}: member ${key}`).toEqual(value);
  }
  const extra = Object.keys(served).filter(
    (key) => key !== 'links' && !(key in original) && !added.includes(key),
  );
  expect(extra, `${where}: members added by the server`).toEqual([]);
  const servedLinks = served.links as StacLink[];
  const navigation = original.type === 'Feature' ? ITEM_NAVIGATION : COLLECTION_NAVIGATION;
  for (const link of (original.links as StacLink[] | undefined) ?? []) {
    if (navigation.has(link.rel)) continue;
    expect(servedLinks, `${where}: client link ${link.rel} ${link.href}`).toContainEqual(link);
  }
  const required =
    original.type === 'Feature' ? ['self', 'root', 'parent', 'collection'] : ['self', 'root', 'parent'];
  for (const rel of required) {
    const link = servedLinks.find((candidate) => candidate.rel === rel);
    expect(link?.href, `${where}: ${rel} link`).toMatch(/^https?:\/\//);
  }
}

/**
 * A rejected object gets 400 CATALOG_INVALID_STAC; a body without `type: "Collection"` sent to
 * POST /collections is read as a collection search instead (200, nothing stored).
 */
function expectRejected(
  response: { status: number; body?: StacObject },
  object: StacObject,
  where: string,
): void {
  if (object.type !== 'Collection' && object.type !== 'Feature' && response.status === 200) {
    expect(response.body?.collections, `${where}: read as a collection search`).toBeInstanceOf(Array);
    return;
  }
  expect(response.status, `${where} must be rejected: ${JSON.stringify(response.body)}`).toBe(400);
  expect(response.body?.code).toBe('CATALOG_INVALID_STAC');
  // The type check comes first in the API; otherwise the description quotes the validator's first error.
  if (object.type === 'Collection' || object.type === 'Feature') {
    const [first] = validateStac(object.type === 'Feature' ? itemAsServed(object) : object).errors;
    expect(response.body?.description, where).toContain(first.message);
  }
}

async function roundTripCollection({ file, index, object }: StacExample): Promise<void> {
  const where = `${file}#${index}`;
  const id = encodeURIComponent(String(object.id));
  // Several examples share collection ids, and items may have created a minimal collection of that id.
  await send('DELETE', `/collections/${id}`);
  const created = await send('POST', '/collections', object);
  if (!isAcceptable(object)) {
    expectRejected(created, object, where);
    expect((await send('GET', `/collections/${id}`)).status, `${where} must not be stored`).toBe(404);
    return;
  }
  expect(created.status, `${where}: ${JSON.stringify(created.body)}`).toBe(201);
  const fetched = await send('GET', `/collections/${id}`);
  expect(fetched.status).toBe(200);
  expectSameApartFromLinks(object, fetched.body as StacObject, where);
  expect((await send('DELETE', `/collections/${id}`)).status).toBeLessThan(300);
}

async function roundTripItem({ file, index, object }: StacExample): Promise<void> {
  const where = `${file}#${index}`;
  const collectionId = String(object.collection ?? DEFAULT_COLLECTION);
  await ensureCollection(collectionId);
  const itemsUrl = `/collections/${encodeURIComponent(collectionId)}/items`;
  const created = await send('POST', itemsUrl, object);
  if (!isAcceptable(object)) {
    expectRejected(created, object, where);
    expect((await send('GET', `${itemsUrl}/${encodeURIComponent(String(object.id))}`)).status).toBe(404);
    return;
  }
  expect(created.status, `${where}: ${JSON.stringify(created.body)}`).toBe(201);
  const itemUrl = `${itemsUrl}/${encodeURIComponent(String(object.id))}`;
  const fetched = await send('GET', itemUrl);
  expect(fetched.status).toBe(200);
  expectSameApartFromLinks(
    object,
    fetched.body as StacObject,
    where,
    object.collection === undefined ? ['collection'] : [],
  );
  expect((await send('DELETE', itemUrl)).status).toBeLessThan(300);
}

describe('every STAC example round-trips through the API (test/fixtures/stac-examples)', () => {
  it('has collections and items to send, including rejected ones', () => {
    const all = examples.flatMap(({ objects }) => objects.map(({ object }) => object));
    expect(all.filter((object) => object.type === 'Feature').length).toBeGreaterThan(450);
    expect(all.filter((object) => !isAcceptable(object)).length).toBeGreaterThan(100);
  });

  for (const { file, objects } of examples) {
    const sendable = objects.filter(({ object }) => object.type !== 'Catalog');
    if (sendable.length === 0) continue;
    it(`${file} (${sendable.length} object${sendable.length > 1 ? 's' : ''})`, async () => {
      for (const example of sendable) {
        if (example.object.type === 'Feature') await roundTripItem(example);
        else await roundTripCollection(example);
      }
    });
  }
});
