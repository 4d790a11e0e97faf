/**
 * Transactions on items (STAC API transaction extension, OGC API – Features part 4) and a bulk item load:
 * `POST /collections/{c}/items` (an Item or a FeatureCollection), `PUT`, `PATCH` (JSON Merge Patch,
 * RFC 7396, as `application/merge-patch+json` or `application/json`) and `DELETE /collections/{c}/items/{i}`,
 * and `POST /collections/{c}/bulk_items` with `{ items: { id: item }, method: insert | upsert }` as in
 * stac-fastapi's bulk transactions. Every item is validated first and each request is one store
 * transaction, so a rejected request changes nothing.
 * See https://github.com/stac-api-extensions/transaction
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { CollectionNotFoundError, ItemNotFoundError } from '../../catalog/catalog-errors.js';
import { MEDIA_TYPE } from '../../catalog/links/media-types.js';
import { itemUrl, withItemLinks } from '../../catalog/links/stac-links.js';
import type { StacItem } from '../../catalog/model/stac-types.js';
import { InvalidRequestError } from '../errors.js';
import type { CatalogContext } from './catalog-context.js';
import {
  BulkItemsBodySchema,
  CollectionParams,
  errorResponses,
  ItemParams,
  ItemSchema,
  WriteResultSchema,
} from './catalog-schemas.js';
import { applyMergePatch } from './json-merge-patch.js';
import { checkStacObject, reportUnknownExtensions, withPathId } from './stac-body-check.js';

/** Largest bulk load body: 256 MiB, about 100,000 typical items. */
export const BULK_BODY_LIMIT = 256 * 1024 * 1024;

const OpenObject = Type.Object({}, { additionalProperties: true });
const conflictResponses = { ...errorResponses, 409: errorResponses[400] };

/** Item write routes; registered only when the store supports transactions. */
export function itemTransactionRoutes(context: CatalogContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const { store } = context;

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
        return context.linkItem(item, request);
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
        return context.linkItem(item, request);
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
        return context.linkItem(item, request);
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
