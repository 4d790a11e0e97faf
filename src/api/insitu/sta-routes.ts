/**
 * SensorThings API v1.1 read routes: the service root and every resource path under it.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { InsituInvalidQueryError } from '../../insitu/insitu-errors.js';
import type { SensorThingsService } from '../../insitu/sta/sta-service.js';
import { resolvePublicBaseUrl } from '../public-url.js';
import { insituErrorResponses, StaDocumentSchema } from './insitu-schemas.js';

export const StaQuerystring = Type.Object(
  {
    $top: Type.Optional(Type.String({ description: 'Page size (default 100, at most 10000)' })),
    $skip: Type.Optional(Type.String({ description: 'Number of entities to skip' })),
    $count: Type.Optional(Type.String({ description: 'true to add @iot.count' })),
    $select: Type.Optional(Type.String({ description: 'Comma-separated properties' })),
    $expand: Type.Optional(Type.String({ description: 'Comma-separated navigation properties (one level)' })),
    $orderby: Type.Optional(Type.String({ description: "e.g. 'phenomenonTime desc'" })),
    $filter: Type.Optional(
      Type.String({
        description: 'OData subset, e.g. result gt 7 and phenomenonTime ge 2017-01-01T00:00:00Z',
      }),
    ),
  },
  { additionalProperties: true },
);
type StaQuerystringType = Static<typeof StaQuerystring>;

export const STA_ROOT = '/sta/v1.1';

/** Routes of the SensorThings service, relative to the plugin prefix. */
export function staRoutes(service: SensorThingsService, baseUrl: string | undefined): FastifyPluginAsync {
  return async (app) => {
    const serviceRoot = (request: FastifyRequest): string =>
      `${resolvePublicBaseUrl(request, baseUrl)}${app.prefix}${STA_ROOT}`;
    app.get(STA_ROOT, { schema: { response: { 200: StaDocumentSchema } } }, async (request) =>
      service.root(serviceRoot(request)),
    );
    app.get<{ Params: { '*': string }; Querystring: StaQuerystringType }>(
      `${STA_ROOT}/*`,
      {
        schema: {
          params: Type.Object({ '*': Type.String() }),
          querystring: StaQuerystring,
          response: { 200: StaDocumentSchema, ...insituErrorResponses },
        },
      },
      async (request) => {
        const root = serviceRoot(request);
        // Work from the raw URL: clients percent-encode quotes and spaces in ids differently.
        const rawPath = request.url.split('?')[0];
        const relative = rawPath.slice(rawPath.indexOf(STA_ROOT) + STA_ROOT.length + 1);
        let path: string;
        try {
          path = decodeURIComponent(relative);
        } catch {
          throw new InsituInvalidQueryError(`malformed percent-encoding in '${relative}'`, 'path');
        }
        if (path === '') return service.root(root);
        return service.get(path, request.query, root, `${resolvePublicBaseUrl(request, baseUrl)}${rawPath}`);
      },
    );
  };
}
