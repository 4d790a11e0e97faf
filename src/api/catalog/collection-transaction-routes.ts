/**
 * Transactions on collections (STAC API transaction extension, OGC API – Features part 4):
 * `POST /collections` (with a Collection body), `PUT`, `PATCH` (JSON Merge Patch, RFC 7396) and `DELETE`
 * `/collections/{c}`. Bodies are validated against the STAC schemas before anything is written.
 * See https://github.com/stac-api-extensions/transaction
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CollectionNotFoundError } from '../../catalog/catalog-errors.js';
import { collectionUrl } from '../../catalog/links/stac-links.js';
import type { StacCollection } from '../../catalog/model/stac-types.js';
import { InvalidRequestError, NotSupportedError } from '../errors.js';
import type { CatalogContext } from './catalog-context.js';
import { CollectionParams, CollectionSchema, errorResponses } from './catalog-schemas.js';
import { applyMergePatch } from './json-merge-patch.js';
import { checkStacObject, reportUnknownExtensions, withPathId } from './stac-body-check.js';

const OpenObject = Type.Object({}, { additionalProperties: true });

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
  return context.linkCollection(collection, request);
}

/** `PUT`, `PATCH` and `DELETE /collections/{c}`; registered only when the store supports transactions. */
export function collectionTransactionRoutes(context: CatalogContext): FastifyPluginAsyncTypebox {
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
        return context.linkCollection(collection, request);
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
        return context.linkCollection(patched, request);
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
  };
}
