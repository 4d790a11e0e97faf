import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { StacItem } from '../../catalog/model/stac-types.js';
import { RasterError } from '../../raster/raster-errors.js';
import { IMAGE_MEDIA_TYPES, type ImageFormat } from '../../raster/render/image-encoder.js';
import type { CogReader } from '../../raster/cog/cog-reader.js';
import { selectAssets, type ItemTileRenderer } from '../../raster/render/item-tile-renderer.js';
import { pointValues } from '../../raster/stats/zone-reader.js';
import type { MosaicRegistry } from '../../raster/render/mosaic-registry.js';
import { getTileMatrixSet, tileBounds } from '../../raster/tiles/tile-matrix-set.js';
import { createTransformer } from '../../raster/warp/coordinate-transformer.js';
import { parseTileStyle, TileQuerySchema, type TileQuery } from './tile-query.js';

/** Finds the items of a STAC search that touch a WGS 84 bbox, in the search's sort order. */
export type MosaicItemSearch = (
  search: Record<string, unknown>,
  bbox: [number, number, number, number],
  limit: number,
) => Promise<StacItem[]>;

interface MosaicRoutesOptions {
  registry: MosaicRegistry;
  searchItems: MosaicItemSearch;
  renderer: ItemTileRenderer;
  /** Most items one mosaic tile may draw. */
  maxItemsPerTile: number;
  /** Most items a pixel history returns. */
  maxItemsPerSeries: number;
  openAsset: (href: string) => Promise<CogReader>;
}

const PointQuery = Type.Object(
  {
    lon: Type.Number({ minimum: -180, maximum: 180 }),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    assets: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 16 })),
  },
  { additionalProperties: false },
);

const TileParams = Type.Object({
  mosaicId: Type.String({ maxLength: 100 }),
  tileMatrixSetId: Type.String({ maxLength: 100 }),
  z: Type.String({ pattern: '^\\d{1,2}$' }),
  x: Type.String({ pattern: '^\\d{1,9}$' }),
  y: Type.String({ pattern: '^\\d{1,9}(\\.(png|webp))?$' }),
});

/** Mosaics: register a STAC search, then get tiles compositing its items (routes under the plugin prefix). */
export function mosaicRoutes(options: MosaicRoutesOptions): FastifyPluginAsync {
  return async (app) => {
    app.post<{ Body: Record<string, unknown> }>(
      '/mosaics',
      {
        schema: {
          summary: 'Register a STAC search as a mosaic; returns its id and tile links',
          body: Type.Object({}, { additionalProperties: true }),
        },
      },
      async (request, reply) => {
        const mosaic = options.registry.register(request.body);
        const base = `${request.protocol}://${request.host}${request.url.split('?')[0]}/${mosaic.id}/tiles/WebMercatorQuad`;
        return reply.status(201).send({
          id: mosaic.id,
          search: mosaic.search,
          links: [
            { rel: 'xyz', href: `${base}/{z}/{x}/{y}.png`, type: 'image/png' },
            {
              rel: 'self',
              href: `${request.protocol}://${request.host}${request.url.split('?')[0]}/${mosaic.id}`,
              type: 'application/json',
            },
          ],
        });
      },
    );

    app.get<{ Params: { mosaicId: string } }>(
      '/mosaics/:mosaicId',
      { schema: { summary: 'A registered mosaic' } },
      async (request) => {
        const mosaic = options.registry.get(request.params.mosaicId);
        return { id: mosaic.id, search: mosaic.search, created: mosaic.created };
      },
    );

    app.get<{ Params: { mosaicId: string }; Querystring: typeof PointQuery.static }>(
      '/mosaics/:mosaicId/point',
      {
        schema: {
          summary:
            'Pixel history: the band values at a point for every item of the mosaic search, in its sort order',
          querystring: PointQuery,
        },
      },
      async (request) => {
        const mosaic = options.registry.get(request.params.mosaicId);
        const { lon, lat } = request.query;
        const items = await options.searchItems(
          mosaic.search,
          [lon, lat, lon, lat],
          options.maxItemsPerSeries,
        );
        const keys = request.query.assets?.flatMap((value) => value.split(',')).filter(Boolean);
        const series = [];
        for (const item of items) {
          const values: Record<string, (number | null)[]> = {};
          for (const key of selectAssets(item, keys)) {
            const result = await pointValues(await options.openAsset(item.assets[key].href), lon, lat);
            values[key] = result.values;
          }
          series.push({
            id: item.id,
            collection: item.collection,
            datetime: item.properties.datetime,
            values,
          });
        }
        return {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [lon, lat] },
          properties: { series },
        };
      },
    );

    app.get<{ Params: typeof TileParams.static; Querystring: TileQuery }>(
      '/mosaics/:mosaicId/tiles/:tileMatrixSetId/:z/:x/:y',
      {
        schema: {
          summary: 'A tile compositing the items of a mosaic in sort order',
          params: TileParams,
          querystring: TileQuerySchema,
        },
      },
      async (request, reply) => {
        const mosaic = options.registry.get(request.params.mosaicId);
        const set = getTileMatrixSet(request.params.tileMatrixSetId);
        const [row, extension] = request.params.y.split('.');
        const format = (extension ?? 'png') as ImageFormat;
        const tile = { z: Number(request.params.z), x: Number(request.params.x), y: Number(row) };
        const style = parseTileStyle(request.query);
        const [minX, minY, maxX, maxY] = tileBounds(set, tile);
        const xs = Float64Array.of(minX, maxX);
        const ys = Float64Array.of(minY, maxY);
        createTransformer(set.epsg, 4326)(xs, ys);
        const items = await options.searchItems(
          mosaic.search,
          [xs[0], ys[0], xs[1], ys[1]],
          options.maxItemsPerTile + 1,
        );
        if (items.length > options.maxItemsPerTile) {
          throw new RasterError(
            'RASTER_TILE_OUT_OF_RANGE',
            `more than ${options.maxItemsPerTile} items under this tile: zoom in`,
            'z',
          );
        }
        const { image, itemsRead } = await options.renderer.renderMosaicTile(items, set, tile, style, format);
        return reply.type(IMAGE_MEDIA_TYPES[format]).header('X-Items-Read', String(itemsRead)).send(image);
      },
    );
  };
}
