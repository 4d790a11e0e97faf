/**
 * Item access and item search: `GET /collections/{c}/items`, `GET /collections/{c}/items/{i}`,
 * `GET /search` and `POST /search`.
 * See https://github.com/radiantearth/stac-api-spec/tree/v1.0.0/ogcapi-features and
 * https://github.com/radiantearth/stac-api-spec/tree/v1.0.0/item-search
 *
 * An unknown collection in `/search?collections=` is not an error: the search simply matches nothing
 * (200, empty FeatureCollection), as stac-fastapi and the STAC API validator expect; under
 * `/collections/{c}/…` an unknown collection is 404.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CollectionNotFoundError, ItemNotFoundError } from '../../catalog/catalog-errors.js';
import { MEDIA_TYPE } from '../../catalog/links/media-types.js';
import { collectionUrl, pagingLinks } from '../../catalog/links/stac-links.js';
import type { StacLink } from '../../catalog/model/stac-types.js';
import { applyFields } from '../../catalog/search/fields-projection.js';
import {
  parseItemSearchBody,
  parseItemSearchQuery,
  type ParsedItemSearch,
} from '../../catalog/search/search-request-parser.js';
import { requestUrl, type CatalogContext } from './catalog-context.js';
import {
  CollectionParams,
  errorResponses,
  ItemCollectionSchema,
  ItemParams,
  ItemSchema,
  ItemSearchBodySchema,
  ItemSearchQuerySchema,
} from './catalog-schemas.js';
import { emptyBodyAsEmptySearch, stringQuery } from './query-strings.js';

/**
 * Sends a FeatureCollection already serialised: the typed reply would only accept the object form of the
 * 200 schema, which stays declared for the OpenAPI document.
 */
function sendGeoJsonText(reply: FastifyReply, text: string): FastifyReply {
  return reply.type(MEDIA_TYPE.geojson).send(text);
}

/** Item read and search routes of the catalogue plugin. */
export function itemRoutes(context: CatalogContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const { store } = context;

    app.get(
      '/collections/:collectionId/items',
      {
        schema: {
          summary: 'Items of a collection',
          tags: ['Features'],
          produces: [MEDIA_TYPE.geojson],
          params: CollectionParams,
          querystring: ItemSearchQuerySchema,
          response: { 200: ItemCollectionSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { collectionId } = request.params;
        if (!(await store.getCollection(collectionId))) throw new CollectionNotFoundError(collectionId);
        const parsed = parseItemSearchQuery(stringQuery(request.query), context.limits);
        parsed.search.collections = [collectionId];
        const root = context.apiRoot(request);
        const endpoint = `${collectionUrl(root, collectionId)}/items`;
        const extra: StacLink[] = [
          { rel: 'collection', href: collectionUrl(root, collectionId), type: MEDIA_TYPE.json },
        ];
        return sendGeoJsonText(reply, await searchPage(request, parsed, 'GET', endpoint, extra));
      },
    );

    app.get(
      '/collections/:collectionId/items/:itemId',
      {
        schema: {
          summary: 'One item',
          tags: ['Features'],
          produces: [MEDIA_TYPE.geojson],
          params: ItemParams,
          response: { 200: ItemSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { collectionId, itemId } = request.params;
        const item = await store.getItem(collectionId, itemId);
        if (!item) {
          if (!(await store.getCollection(collectionId))) throw new CollectionNotFoundError(collectionId);
          throw new ItemNotFoundError(collectionId, itemId);
        }
        reply.type(MEDIA_TYPE.geojson).serializer(JSON.stringify);
        return context.linkItem(item, request);
      },
    );

    app.get(
      '/search',
      {
        schema: {
          summary: 'Search items',
          tags: ['Item Search'],
          produces: [MEDIA_TYPE.geojson],
          querystring: ItemSearchQuerySchema,
          response: { 200: ItemCollectionSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const parsed = parseItemSearchQuery(stringQuery(request.query), context.limits);
        const root = context.apiRoot(request);
        return sendGeoJsonText(reply, await searchPage(request, parsed, 'GET', `${root}/search`, []));
      },
    );

    app.post(
      '/search',
      {
        preValidation: emptyBodyAsEmptySearch,
        schema: {
          summary: 'Search items (JSON body)',
          tags: ['Item Search'],
          produces: [MEDIA_TYPE.geojson],
          body: ItemSearchBodySchema,
          response: { 200: ItemCollectionSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const parsed = parseItemSearchBody(request.body, context.limits);
        const root = context.apiRoot(request);
        return sendGeoJsonText(reply, await searchPage(request, parsed, 'POST', `${root}/search`, []));
      },
    );

    /**
     * Runs a search and wraps the page as a FeatureCollection with self, root and paging links, as JSON
     * text: the items' stored texts get their links spliced in (item-json-splice.ts) unless `fields` asks
     * for a projection of the parsed items.
     */
    async function searchPage(
      request: FastifyRequest,
      parsed: ParsedItemSearch,
      method: 'GET' | 'POST',
      endpoint: string,
      extraLinks: StacLink[],
    ): Promise<string> {
      const root = context.apiRoot(request);
      const page = await store.search(parsed.search);
      const { fields } = parsed;
      const features =
        page.itemTexts && !fields
          ? page.itemTexts.map((text) => context.linkItemText(text, request))
          : page.items.map((item) => {
              const linked = context.linkItem(item, request);
              return JSON.stringify(fields ? applyFields(linked, fields) : linked);
            });
      const links: StacLink[] = [
        method === 'GET'
          ? { rel: 'self', href: requestUrl(context, request), type: MEDIA_TYPE.geojson }
          : { rel: 'self', href: endpoint, type: MEDIA_TYPE.geojson, method: 'POST' },
        { rel: 'root', href: root, type: MEDIA_TYPE.json },
        ...extraLinks,
        ...pagingLinks({
          endpoint,
          method,
          query: method === 'GET' ? stringQuery(request.query as Record<string, unknown>) : undefined,
          next: page.next,
          prev: page.prev,
          type: MEDIA_TYPE.geojson,
        }),
      ];
      const matched = page.numberMatched === undefined ? '' : `,"numberMatched":${page.numberMatched}`;
      return `{"type":"FeatureCollection","features":[${features.join(',')}],"links":${JSON.stringify(links)},"numberReturned":${features.length}${matched}}`;
    }
  };
}
