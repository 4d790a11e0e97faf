/**
 * The STAC API aggregation extension: `GET|POST /aggregate`, `GET|POST /collections/{c}/aggregate`,
 * `GET /aggregations` and `GET /collections/{c}/aggregations`.
 * See https://github.com/stac-api-extensions/aggregation
 *
 * Tuning parameters: `datetime_frequency_interval` (day, month, year; default month) and
 * `geometry_grid_frequency_cell_size` (degrees, default 1), `geometry_grid_frequency_limit` (most cells
 * returned, default 10,000: the cells with most items, the others' items summed in `overflow`). Without `aggregations`, total_count, the six
 * term frequencies and datetime_frequency are computed.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { CollectionNotFoundError } from '../../catalog/catalog-errors.js';
import { MEDIA_TYPE } from '../../catalog/links/media-types.js';
import { collectionUrl } from '../../catalog/links/stac-links.js';
import type { StacLink } from '../../catalog/model/stac-types.js';
import { listAggregations, parseAggregations } from '../../catalog/search/aggregation-parser.js';
import { parseItemSearchBody, parseItemSearchQuery } from '../../catalog/search/search-request-parser.js';
import type { CatalogContext } from './catalog-context.js';
import {
  AggregationBodySchema,
  AggregationCollectionSchema,
  AggregationQuerySchema,
  CollectionParams,
  errorResponses,
} from './catalog-schemas.js';
import { emptyBodyAsEmptySearch, stringQuery } from './query-strings.js';
import { numericQueryables } from './queryables-routes.js';

const AGGREGATION_ONLY = [
  'aggregations',
  'datetime_frequency_interval',
  'geometry_grid_frequency_cell_size',
  'geometry_grid_frequency_limit',
];

/** Aggregation routes; registered when the store supports aggregation. */
export function aggregationRoutes(context: CatalogContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const { store } = context;

    for (const scoped of [false, true]) {
      const path = scoped ? '/collections/:collectionId' : '';
      const params = scoped ? { params: CollectionParams } : {};

      app.get(
        `${path}/aggregations`,
        {
          schema: {
            summary: scoped ? 'Aggregations available on a collection' : 'Aggregations available',
            tags: ['Aggregation'],
            ...params,
            response: { 200: AggregationCollectionSchema, ...errorResponses },
          },
        },
        async (request) => {
          const collectionId = await scopeOf(request);
          const available = listAggregations(await numericQueryables(store, collectionId));
          return {
            type: 'AggregationCollection' as const,
            aggregations: available,
            links: scopeLinks(request, collectionId),
          };
        },
      );

      app.get(
        `${path}/aggregate`,
        {
          schema: {
            summary: scoped ? 'Aggregate the items of a collection' : 'Aggregate items',
            tags: ['Aggregation'],
            ...params,
            querystring: AggregationQuerySchema,
            response: { 200: AggregationCollectionSchema, ...errorResponses },
          },
        },
        async (request) => {
          const collectionId = await scopeOf(request);
          const query = stringQuery(request.query as object);
          const searchQuery = Object.fromEntries(
            Object.entries(query).filter(([key]) => !AGGREGATION_ONLY.includes(key)),
          );
          const { search } = parseItemSearchQuery(searchQuery, context.limits);
          if (collectionId !== undefined) search.collections = [collectionId];
          const requests = parseAggregations(
            query.aggregations,
            query,
            await numericQueryables(store, collectionId),
          );
          const aggregations = await store.aggregate(search, requests);
          return {
            type: 'AggregationCollection' as const,
            aggregations,
            links: scopeLinks(request, collectionId),
          };
        },
      );

      app.post(
        `${path}/aggregate`,
        {
          preValidation: emptyBodyAsEmptySearch,
          schema: {
            summary: scoped
              ? 'Aggregate the items of a collection (JSON body)'
              : 'Aggregate items (JSON body)',
            tags: ['Aggregation'],
            ...params,
            body: AggregationBodySchema,
            response: { 200: AggregationCollectionSchema, ...errorResponses },
          },
        },
        async (request) => {
          const collectionId = await scopeOf(request);
          const body = { ...(request.body as Record<string, unknown>) };
          const { aggregations: names, ...rest } = body;
          for (const key of AGGREGATION_ONLY) delete rest[key];
          const { search } = parseItemSearchBody(rest, context.limits);
          if (collectionId !== undefined) search.collections = [collectionId];
          const requests = parseAggregations(names, body, await numericQueryables(store, collectionId));
          const aggregations = await store.aggregate(search, requests);
          return {
            type: 'AggregationCollection' as const,
            aggregations,
            links: scopeLinks(request, collectionId),
          };
        },
      );
    }

    /** The collection a scoped route addresses (404 when unknown), or undefined for the whole catalogue. */
    async function scopeOf(request: FastifyRequest): Promise<string | undefined> {
      const collectionId = (request.params as { collectionId?: string } | undefined)?.collectionId;
      if (collectionId === undefined) return undefined;
      if (!(await store.getCollection(collectionId))) throw new CollectionNotFoundError(collectionId);
      return collectionId;
    }

    function scopeLinks(request: FastifyRequest, collectionId: string | undefined): StacLink[] {
      const root = context.apiRoot(request);
      const base = collectionId === undefined ? root : collectionUrl(root, collectionId);
      return [
        { rel: 'root', href: root, type: MEDIA_TYPE.json },
        { rel: collectionId === undefined ? 'parent' : 'collection', href: base, type: MEDIA_TYPE.json },
        { rel: 'aggregate', href: `${base}/aggregate`, type: MEDIA_TYPE.json, method: 'GET' },
        { rel: 'aggregations', href: `${base}/aggregations`, type: MEDIA_TYPE.json },
      ];
    }
  };
}
