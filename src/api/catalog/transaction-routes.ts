/**
 * Transactions on collections and items (STAC API transaction extension, OGC API – Features part 4) and
 * a bulk item load. Every write is validated against the STAC schemas first and done in one store
 * transaction, so a rejected request changes nothing.
 * See https://github.com/stac-api-extensions/transaction and
 * https://github.com/stac-utils/stac-fastapi (bulk transactions: `{ items: { id: item }, method }`).
 *
 * Registered only when the store supports transactions. PATCH takes a JSON Merge Patch (RFC 7396) sent as
 * `application/merge-patch+json` or `application/json`.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CollectionNotFoundError, ItemNotFoundError } from '../../catalog/catalog-errors.js';
import { MEDIA_TYPE } from '../../catalog/links/media-types.js';
import {
  collectionUrl,
  itemUrl,
  withCollectionLinks,
  withItemLinks,
} from '../../catalog/links/stac-links.js';
import type { StacCollection, StacItem } from '../../catalog/model/stac-types.js';
import { InvalidRequestError, NotSupportedError } from '../errors.js';
import type { CatalogContext } from './catalog-context.js';
import {
  BulkItemsBodySchema,
  CollectionParams,
  CollectionSchema,
  errorResponses,
  ItemParams,
  ItemSchema,
  WriteResultSchema,
} from './catalog-schemas.js';
import { applyMergePatch } from './json-merge-patch.js';
import { checkStacObject, reportUnknownExtensions } from './stac-body-check.js';

/** Largest bulk load body: 256 MiB, about 100,000 typical items. */
export const BULK_BODY_LIMIT = 256 * 1024 * 1024;

const OpenObject = Type.Object({}, { additionalProperties: true });
const conflictResponses = { ...errorResponses, 409: errorResponses[400] };

/**
 * `POST /collections` with a Collection body (shared with collection search, see collection-routes.ts).
 * @throws NotSupportedError when the store is read-only.
 */
export async function createCollection(
  context: CatalogContext,
  request: FastifyRequest,
  reply: FastifyReply,
  body: Record<string, unknown>,
): Promise<StacCollection> {
  if (!context.store.capabilities.transactions) {
    throw new NotSupportedError('this catalogue is read-only: collections cannot be created', 'body');
  }
  const unknown = checkStacObject(body, 'Collection');
  const collection = body as StacCollection;
  await context.store.putCollection(collection, 'insert');
  const root = context.apiRoot(request);
  reply.code(201).header('Location', collectionUrl(root, collection.id));
  reportUnknownExtensions(reply, unknown);
  return withCollectionLinks(collection, root, linkOptions(context));
}

export function transactionRoutes(context: CatalogContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const { store } = context;

    app.put(
      '/collections/:collectionId',
      {
        schema: {
          summary: 'Replace a collection',
          tags: ['Transactions'],
          params: CollectionParams,
          body: OpenObject,
          response: { 200: CollectionSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { collectionId } = request.params;
        const collection = withPathId(request.body, collectionId, 'collection') as StacCollection;
        const unknown = checkStacObject(collection, 'Collection');
        if (!(await store.getCollection(collectionId))) throw new CollectionNotFoundError(collectionId);
        await store.putCollection(collection, 'upsert');
        reportUnknownExtensions(reply, unknown);
        return withCollectionLinks(collection, context.apiRoot(request), linkOptions(context));
      },
    );

    app.patch(
      '/collections/:collectionId',
      {
        schema: {
          summary: 'Update a collection (JSON Merge Patch)',
          tags: ['Transactions'],
          params: CollectionParams,
          body: OpenObject,
          response: { 200: CollectionSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { collectionId } = request.params;
        const existing = await store.getCollection(collectionId);
        if (!existing) throw new CollectionNotFoundError(collectionId);
        const patched = applyMergePatch(existing, request.body) as StacCollection;
        if (patched.id !== collectionId)
          throw new InvalidRequestError('a patch cannot change the collection id', 'body.id');
        const unknown = checkStacObject(patched, 'Collection');
        await store.putCollection(patched, 'upsert');
        reportUnknownExtensions(reply, unknown);
        return withCollectionLinks(patched, context.apiRoot(request), linkOptions(context));
      },
    );

    app.delete(
      '/collections/:collectionId',
      {
        schema: {
          summary: 'Delete a collection and its items',
          tags: ['Transactions'],
          params: CollectionParams,
          response: { 204: Type.Null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        await store.deleteCollection(request.params.collectionId);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/collections/:collectionId/items',
      {
        schema: {
          summary: 'Add an item, or a FeatureCollection of items',
          tags: ['Transactions'],
          params: CollectionParams,
          body: Type.Object({ type: Type.String() }, { additionalProperties: true }),
          response: { 201: Type.Union([ItemSchema, WriteResultSchema]), ...conflictResponses },
        },
      },
      async (request, reply) => {
        const { collectionId } = request.params;
        const body = request.body as Record<string, unknown>;
        if (!(await store.getCollection(collectionId))) throw new CollectionNotFoundError(collectionId);
        if (body.type === 'FeatureCollection') {
          if (!Array.isArray(body.features))
            throw new InvalidRequestError('features must be an array', 'body.features');
          const unknown: string[] = [];
          const items = body.features.map((feature: unknown, index: number) =>
            checkedItem(feature, collectionId, `body.features[${index}]`, unknown, context.apiRoot(request)),
          );
          const result = await store.writeItems(items, 'insert');
          reportUnknownExtensions(reply, unknown);
          return reply.code(201).send(result);
        }
        const unknown: string[] = [];
        const item = checkedItem(body, collectionId, 'body', unknown, context.apiRoot(request));
        await store.writeItems([item], 'insert');
        const root = context.apiRoot(request);
        reportUnknownExtensions(reply, unknown);
        reply
          .code(201)
          .type(MEDIA_TYPE.geojson)
          .header('Location', itemUrl(root, collectionId, item.id));
        return withItemLinks(item, root);
      },
    );

    app.put(
      '/collections/:collectionId/items/:itemId',
      {
        schema: {
          summary: 'Replace an item',
          tags: ['Transactions'],
          params: ItemParams,
          body: OpenObject,
          response: { 200: ItemSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { collectionId, itemId } = request.params;
        const unknown: string[] = [];
        const item = checkedItem(
          withPathId(request.body, itemId, 'item'),
          collectionId,
          'body',
          unknown,
          context.apiRoot(request),
        );
        await requireItem(collectionId, itemId);
        await store.writeItems([item], 'upsert');
        reportUnknownExtensions(reply, unknown);
        reply.type(MEDIA_TYPE.geojson);
        return withItemLinks(item, context.apiRoot(request));
      },
    );

    app.patch(
      '/collections/:collectionId/items/:itemId',
      {
        schema: {
          summary: 'Update an item (JSON Merge Patch)',
          tags: ['Transactions'],
          params: ItemParams,
          body: OpenObject,
          response: { 200: ItemSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { collectionId, itemId } = request.params;
        const existing = await requireItem(collectionId, itemId);
        const patched = applyMergePatch(existing, request.body) as StacItem;
        if (patched.id !== itemId)
          throw new InvalidRequestError('a patch cannot change the item id', 'body.id');
        const unknown: string[] = [];
        const item = checkedItem(patched, collectionId, 'body', unknown, context.apiRoot(request));
        await store.writeItems([item], 'upsert');
        reportUnknownExtensions(reply, unknown);
        reply.type(MEDIA_TYPE.geojson);
        return withItemLinks(item, context.apiRoot(request));
      },
    );

    app.delete(
      '/collections/:collectionId/items/:itemId',
      {
        schema: {
          summary: 'Delete an item',
          tags: ['Transactions'],
          params: ItemParams,
          response: { 204: Type.Null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const { collectionId, itemId } = request.params;
        if (!(await store.getCollection(collectionId))) throw new CollectionNotFoundError(collectionId);
        await store.deleteItem(collectionId, itemId);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/collections/:collectionId/bulk_items',
      {
        bodyLimit: BULK_BODY_LIMIT,
        schema: {
          summary: 'Load many items in one transaction',
          tags: ['Transactions'],
          params: CollectionParams,
          body: BulkItemsBodySchema,
          response: { 200: WriteResultSchema, ...conflictResponses },
        },
      },
      async (request, reply) => {
        const { collectionId } = request.params;
        if (!(await store.getCollection(collectionId))) throw new CollectionNotFoundError(collectionId);
        const unknown: string[] = [];
        const root = context.apiRoot(request);
        const items = Object.entries(request.body.items).map(([id, value]) => {
          const where = `body.items.${id}`;
          const item = checkedItem(withPathId(value, id, 'item', where), collectionId, where, unknown, root);
          return item;
        });
        const result = await store.writeItems(items, request.body.method ?? 'insert');
        reportUnknownExtensions(reply, unknown);
        return result;
      },
    );

    async function requireItem(collectionId: string, itemId: string): Promise<StacItem> {
      const item = await store.getItem(collectionId, itemId);
      if (item) return item;
      if (!(await store.getCollection(collectionId))) throw new CollectionNotFoundError(collectionId);
      throw new ItemNotFoundError(collectionId, itemId);
    }
  };
}

/**
 * Validates an item for collection `collectionId`: its `collection` member is set when absent and must
 * match when present. Unknown extensions are appended to `unknown`. Returns the item to store.
 */
function checkedItem(
  value: unknown,
  collectionId: string,
  location: string,
  unknown: string[],
  apiRoot: string,
): StacItem {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidRequestError('an item must be a JSON object', location);
  }
  const item = { ...(value as StacItem) };
  if (item.collection === undefined) item.collection = collectionId;
  if (item.collection !== collectionId) {
    throw new InvalidRequestError(
      `item collection '${String(item.collection)}' does not match the path collection '${collectionId}'`,
      `${location}.collection`,
    );
  }
  // Validated as served: the STAC item schema requires a `collection` link when `collection` is set.
  unknown.push(...checkStacObject(withItemLinks(item, apiRoot), 'Feature', location));
  return item;
}

/** Sets `id` from the path when the body has none; a different id is an error. */
function withPathId(
  body: unknown,
  id: string,
  kind: 'item' | 'collection',
  location = 'body',
): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InvalidRequestError(`the ${kind} must be a JSON object`, location);
  }
  const object = body as Record<string, unknown>;
  if (object.id === undefined) return { ...object, id };
  if (object.id !== id) {
    throw new InvalidRequestError(
      `${kind} id '${String(object.id)}' does not match '${id}'`,
      `${location}.id`,
    );
  }
  return object;
}

function linkOptions(context: CatalogContext): { queryables: boolean; aggregation: boolean } {
  return {
    queryables: context.store.capabilities.filter,
    aggregation: context.store.capabilities.aggregation,
  };
}
