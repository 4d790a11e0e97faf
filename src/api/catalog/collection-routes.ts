/**
 * Collections and collection search: `GET /collections`, `POST /collections` with a search body, and
 * `GET /collections/{c}`. `POST /collections` with a body whose `type` is `Collection` creates a collection
 * instead (transaction extension; see collection-transaction-routes.ts): a search body never has `type`.
 * See https://github.com/radiantearth/stac-api-spec/tree/v1.0.0/collections and
 * https://github.com/stac-api-extensions/collection-search
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { CollectionNotFoundError } from '../../catalog/catalog-errors.js';
import { MEDIA_TYPE } from '../../catalog/links/media-types.js';
import { pagingLinks } from '../../catalog/links/stac-links.js';
import type { StacCollection, StacLink } from '../../catalog/model/stac-types.js';
import { applyFields } from '../../catalog/search/fields-projection.js';
import {
  parseCollectionSearchBody,
  parseCollectionSearchQuery,
  type ParsedCollectionSearch,
} from '../../catalog/search/search-request-parser.js';
import { requestUrl, type CatalogContext } from './catalog-context.js';
import {
  CollectionParams,
  CollectionSchema,
  CollectionSearchBodySchema,
  CollectionSearchQuerySchema,
  CollectionsSchema,
  errorResponses,
} from './catalog-schemas.js';
import { emptyBodyAsEmptySearch, stringQuery } from './query-strings.js';
import { createCollection } from './collection-transaction-routes.js';

const CollectionInputSchema = Type.Object(
  { type: Type.Literal('Collection'), id: Type.String() },
  { additionalProperties: true, description: 'A STAC Collection to create' },
);

/** Collection read and search routes of the catalogue plugin. */
export function collectionRoutes(context: CatalogContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const { store } = context;

    app.get(
      '/collections',
      {
        schema: {
          summary: 'Collections (with collection search)',
          tags: ['Collections'],
          querystring: CollectionSearchQuerySchema,
          response: { 200: CollectionsSchema, ...errorResponses },
        },
      },
      async (request) => {
        const parsed = parseCollectionSearchQuery(stringQuery(request.query), context.limits);
        return collectionPage(request, parsed, 'GET');
      },
    );

    app.post(
      '/collections',
      {
        preValidation: emptyBodyAsEmptySearch,
        schema: {
          summary: 'Search collections, or create one (body of type Collection)',
          tags: ['Collections'],
          body: Type.Union([CollectionInputSchema, CollectionSearchBodySchema]),
          response: { 200: CollectionsSchema, 201: CollectionSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const body = request.body as Record<string, unknown>;
        if (body.type === 'Collection') return createCollection(context, request, reply, body);
        const parsed = parseCollectionSearchBody(body, context.limits);
        return collectionPage(request, parsed, 'POST');
      },
    );

    app.get(
      '/collections/:collectionId',
      {
        schema: {
          summary: 'One collection',
          tags: ['Collections'],
          params: CollectionParams,
          response: { 200: CollectionSchema, ...errorResponses },
        },
      },
      async (request) => {
        const collection = await store.getCollection(request.params.collectionId);
        if (!collection) throw new CollectionNotFoundError(request.params.collectionId);
        return context.linkCollection(collection, request);
      },
    );

    async function collectionPage(
      request: FastifyRequest,
      parsed: ParsedCollectionSearch,
      method: 'GET' | 'POST',
    ) {
      const root = context.apiRoot(request);
      const endpoint = `${root}/collections`;
      const page = await store.searchCollections(parsed.search);
      const collections = page.collections.map((collection) => {
        const linked = context.linkCollection(collection, request);
        return parsed.fields
          ? applyFields(linked as StacCollection & Record<string, unknown>, parsed.fields)
          : linked;
      });
      const links: StacLink[] = [
        method === 'GET'
          ? { rel: 'self', href: requestUrl(context, request), type: MEDIA_TYPE.json }
          : { rel: 'self', href: endpoint, type: MEDIA_TYPE.json, method: 'POST' },
        { rel: 'root', href: root, type: MEDIA_TYPE.json },
        { rel: 'parent', href: root, type: MEDIA_TYPE.json },
        ...pagingLinks({
          endpoint,
          method,
          query: method === 'GET' ? stringQuery(request.query as object) : undefined,
          next: page.next,
          prev: page.prev,
          type: MEDIA_TYPE.json,
        }),
      ];
      return {
        collections,
        links,
        numberReturned: collections.length,
        ...(page.numberMatched === undefined ? {} : { numberMatched: page.numberMatched }),
      };
    }
  };
}
