/**
 * `GET /queryables` and `GET /collections/{c}/queryables`: the JSON Schema of the properties a filter,
 * sort or aggregation may name, served as `application/schema+json` with `$id` set to its own URL.
 * See https://github.com/stac-api-extensions/filter#queryables
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CollectionNotFoundError } from '../../catalog/catalog-errors.js';
import { MEDIA_TYPE } from '../../catalog/links/media-types.js';
import { collectionUrl } from '../../catalog/links/stac-links.js';
import type { CatalogStore, QueryablesSchema } from '../../catalog/store/catalog-store.js';
import type { CatalogContext } from './catalog-context.js';
import { CollectionParams, errorResponses, JsonSchemaDocument } from './catalog-schemas.js';

/** Queryables routes; registered when the store supports filtering. */
export function queryablesRoutes(context: CatalogContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const { store } = context;

    app.get(
      '/queryables',
      {
        schema: {
          summary: 'Queryables of the whole catalogue',
          tags: ['Filter'],
          produces: [MEDIA_TYPE.schema],
          response: { 200: JsonSchemaDocument },
        },
      },
      async (request, reply) => {
        const schema = await store.queryables();
        reply.type(MEDIA_TYPE.schema);
        return withId(schema, `${context.apiRoot(request)}/queryables`);
      },
    );

    app.get(
      '/collections/:collectionId/queryables',
      {
        schema: {
          summary: 'Queryables of one collection',
          tags: ['Filter'],
          produces: [MEDIA_TYPE.schema],
          params: CollectionParams,
          response: { 200: JsonSchemaDocument, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { collectionId } = request.params;
        if (!(await store.getCollection(collectionId))) throw new CollectionNotFoundError(collectionId);
        const schema = await store.queryables(collectionId);
        reply.type(MEDIA_TYPE.schema);
        return withId(schema, `${collectionUrl(context.apiRoot(request), collectionId)}/queryables`);
      },
    );
  };
}

/** The names of the numeric queryables, which get `_min`/`_max` aggregations. */
export async function numericQueryables(store: CatalogStore, collectionId?: string): Promise<string[]> {
  const schema = await store.queryables(collectionId);
  const properties = (schema.properties ?? {}) as Record<string, { type?: unknown }>;
  return Object.entries(properties)
    .filter(([, property]) => {
      const types = Array.isArray(property?.type) ? property.type : [property?.type];
      return types.includes('number') || types.includes('integer');
    })
    .map(([name]) => name);
}

function withId(schema: QueryablesSchema, id: string): QueryablesSchema {
  return {
    $schema: 'https://json-schema.org/draft/2019-09/schema',
    type: 'object',
    ...schema,
    $id: id,
  };
}
