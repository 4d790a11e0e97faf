import { Type } from '@sinclair/typebox';
import type { Geometry } from 'geojson';
import type { FastifyPluginAsync } from 'fastify';
import type { StacItem } from '../../catalog/model/stac-types.js';
import type { CogReader } from '../../raster/cog/cog-reader.js';
import { RasterError } from '../../raster/raster-errors.js';
import { selectAssets } from '../../raster/render/item-tile-renderer.js';
import { pointValues, zonalStatistics } from '../../raster/stats/zone-reader.js';

interface StatsRoutesOptions {
  findItem: (collectionId: string, itemId: string) => Promise<StacItem>;
  openAsset: (href: string) => Promise<CogReader>;
}

const ItemParams = Type.Object({ collectionId: Type.String(), itemId: Type.String() });
const PointQuery = Type.Object(
  {
    lon: Type.Number({ minimum: -180, maximum: 180 }),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    assets: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 16 })),
  },
  { additionalProperties: false },
);
const StatisticsQuery = Type.Object(
  {
    assets: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 16 })),
    categorical: Type.Optional(Type.Boolean()),
    bins: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    percentiles: Type.Optional(
      Type.String({ pattern: '^\\d+(\\.\\d+)?(,\\d+(\\.\\d+)?)*$', maxLength: 200 }),
    ),
  },
  { additionalProperties: false },
);

/** Point values and zonal statistics of item assets (routes under the plugin prefix). */
export function statsRoutes(options: StatsRoutesOptions): FastifyPluginAsync {
  const assetKeys = (item: StacItem, assets?: string[]) =>
    selectAssets(
      item,
      assets
        ?.flatMap((value) => value.split(','))
        .map((key) => key.trim())
        .filter(Boolean),
    );

  return async (app) => {
    app.get<{ Params: typeof ItemParams.static; Querystring: typeof PointQuery.static }>(
      '/collections/:collectionId/items/:itemId/raster/point',
      {
        schema: {
          summary: 'Values of every band of the assets at a WGS 84 point',
          params: ItemParams,
          querystring: PointQuery,
        },
      },
      async (request) => {
        const item = await options.findItem(request.params.collectionId, request.params.itemId);
        const { lon, lat } = request.query;
        const keys = assetKeys(item, request.query.assets);
        const values = await Promise.all(
          keys.map(async (key) => [
            key,
            (await pointValues(await options.openAsset(item.assets[key].href), lon, lat)).values,
          ]),
        );
        return {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [lon, lat] },
          properties: { datetime: item.properties.datetime, values: Object.fromEntries(values) },
        };
      },
    );

    app.post<{ Params: typeof ItemParams.static; Querystring: typeof StatisticsQuery.static; Body: unknown }>(
      '/collections/:collectionId/items/:itemId/raster/statistics',
      {
        schema: {
          summary: 'Statistics of the assets inside a GeoJSON polygon (pixel-centre rule)',
          params: ItemParams,
          querystring: StatisticsQuery,
        },
      },
      async (request) => {
        const item = await options.findItem(request.params.collectionId, request.params.itemId);
        const geometry = geometryOf(request.body);
        const percentiles = request.query.percentiles?.split(',').map(Number);
        if (percentiles?.some((p) => p > 100)) {
          throw new RasterError(
            'RASTER_INVALID_PARAMETER',
            'percentiles must be between 0 and 100',
            'percentiles',
          );
        }
        const keys = assetKeys(item, request.query.assets);
        const results = await Promise.all(
          keys.map(async (key) => {
            const stats = await zonalStatistics(await options.openAsset(item.assets[key].href), geometry, {
              categorical: request.query.categorical,
              bins: request.query.bins,
              percentiles,
            });
            return [key, stats];
          }),
        );
        return { type: 'Feature', geometry, properties: { statistics: Object.fromEntries(results) } };
      },
    );
  };
}

/** The geometry of a GeoJSON Feature or a bare geometry. */
function geometryOf(body: unknown): Geometry {
  const candidate =
    (body as { type?: string; geometry?: unknown })?.type === 'Feature'
      ? (body as { geometry: unknown }).geometry
      : body;
  const geometry = candidate as { type?: unknown; coordinates?: unknown };
  if (
    !geometry ||
    (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') ||
    !Array.isArray(geometry.coordinates)
  ) {
    throw new RasterError(
      'RASTER_INVALID_PARAMETER',
      'the body must be a GeoJSON Polygon or MultiPolygon (or a Feature of one)',
      'body',
    );
  }
  const isValidPosition = (p: unknown) =>
    Array.isArray(p) && p.length >= 2 && p.every((v) => typeof v === 'number' && Number.isFinite(v));
  const polygons = (
    geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
  ) as unknown[][][];
  for (const polygon of polygons) {
    if (!Array.isArray(polygon))
      throw new RasterError('RASTER_INVALID_PARAMETER', 'malformed polygon coordinates', 'body');
    for (const ring of polygon) {
      if (!Array.isArray(ring) || ring.length < 4 || !ring.every(isValidPosition)) {
        throw new RasterError(
          'RASTER_INVALID_PARAMETER',
          'every ring needs at least 4 [lon, lat] positions of finite numbers',
          'body',
        );
      }
    }
  }
  return geometry as Geometry;
}
