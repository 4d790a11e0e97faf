import { createHash } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { StacItem } from '../../catalog/model/stac-types.js';
import type { CogReader } from '../../raster/cog/cog-reader.js';
import { IMAGE_MEDIA_TYPES, type ImageFormat } from '../../raster/render/image-encoder.js';
import { isGeoTiff, selectAssets, type ItemTileRenderer } from '../../raster/render/item-tile-renderer.js';
import { getTileMatrixSet, listTileMatrixSets } from '../../raster/tiles/tile-matrix-set.js';
import { buildWmtsCapabilities } from '../../raster/tiles/wmts-capabilities.js';
import { zoomRange } from '../../raster/tiles/zoom-range.js';
import { createTransformer } from '../../raster/warp/coordinate-transformer.js';
import { parseTileStyle, TileQuerySchema, type TileQuery } from './tile-query.js';

interface TileRoutesOptions {
  findItem: (collectionId: string, itemId: string) => Promise<StacItem>;
  renderer: ItemTileRenderer;
  openAsset: (href: string) => Promise<CogReader>;
}

const ItemParams = Type.Object({ collectionId: Type.String(), itemId: Type.String() });
const TileParams = Type.Object({
  collectionId: Type.String(),
  itemId: Type.String(),
  tileMatrixSetId: Type.String({ maxLength: 100 }),
  z: Type.String({ pattern: '^\\d{1,2}$' }),
  x: Type.String({ pattern: '^\\d{1,9}$' }),
  y: Type.String({
    pattern: '^\\d{1,9}(\\.(png|webp))?$',
    description: 'row, with an optional .png or .webp extension',
  }),
});
const TileJsonParams = Type.Object({
  collectionId: Type.String(),
  itemId: Type.String(),
  tileMatrixSetId: Type.String(),
});
const PreviewQuerySchema = Type.Object(
  { ...TileQuerySchema.properties, max_size: Type.Optional(Type.Integer({ minimum: 16, maximum: 2048 })) },
  { additionalProperties: false },
);
type PreviewQuery = typeof PreviewQuerySchema.static;
const ErrorSchema = Type.Object({
  code: Type.String(),
  description: Type.String(),
  location: Type.Optional(Type.String()),
});

/** Tile, TileJSON and info routes (see raster-plugin.ts). */
export function tileRoutes(options: TileRoutesOptions): FastifyPluginAsync {
  const { findItem } = options;

  return async (app) => {
    app.get<{ Params: typeof TileParams.static; Querystring: TileQuery }>(
      '/collections/:collectionId/items/:itemId/tiles/:tileMatrixSetId/:z/:x/:y',
      {
        schema: {
          summary: 'A map tile of an item asset (PNG or WebP)',
          params: TileParams,
          querystring: TileQuerySchema,
          response: { 400: ErrorSchema, 404: ErrorSchema, 422: ErrorSchema, 502: ErrorSchema },
        },
      },
      async (request, reply) => {
        const { collectionId, itemId, tileMatrixSetId } = request.params;
        const [row, extension] = request.params.y.split('.');
        const format = (extension ?? 'png') as ImageFormat;
        const set = getTileMatrixSet(tileMatrixSetId);
        const style = parseTileStyle(request.query);
        const item = await findItem(collectionId, itemId);
        const etag = tileEtag(request.url, item);
        reply.header('ETag', etag).header('Cache-Control', 'public, max-age=3600');
        if (matchesEtag(request.headers['if-none-match'], etag)) return reply.code(304).send();
        const signal = abortOnDisconnect(reply);
        const tile = { z: Number(request.params.z), x: Number(request.params.x), y: Number(row) };
        const image = await options.renderer.renderTile(item, set, tile, style, format, signal);
        return reply.type(IMAGE_MEDIA_TYPES[format]).send(image);
      },
    );

    app.get<{ Params: typeof TileJsonParams.static; Querystring: TileQuery }>(
      '/collections/:collectionId/items/:itemId/tiles/:tileMatrixSetId/tilejson.json',
      {
        schema: {
          summary: 'TileJSON 3.0 of an item asset layer',
          params: TileJsonParams,
          querystring: TileQuerySchema,
          response: { 400: ErrorSchema, 404: ErrorSchema },
        },
      },
      async (request) => {
        const { collectionId, itemId, tileMatrixSetId } = request.params;
        const set = getTileMatrixSet(tileMatrixSetId);
        const style = parseTileStyle(request.query);
        const item = await findItem(collectionId, itemId);
        const [key] = selectAssets(item, style.assets);
        const reader = await options.openAsset(item.assets[key].href);
        const { minZoom, maxZoom } = zoomRange(reader.info, set);
        const bounds = item.bbox?.length === 4 ? item.bbox : boundsOf(reader);
        const query = request.url.includes('?') ? `?${request.url.split('?')[1]}` : '';
        const base = `${request.protocol}://${request.host}${request.url.split('?')[0].replace(/\/tilejson\.json$/, '')}`;
        return {
          tilejson: '3.0.0',
          name: `${collectionId}/${itemId}`,
          scheme: 'xyz',
          tiles: [`${base}/{z}/{x}/{y}.png${query}`],
          minzoom: minZoom,
          maxzoom: maxZoom,
          bounds,
          center: [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, Math.min(maxZoom, minZoom + 2)],
        };
      },
    );

    app.get<{ Params: typeof ItemParams.static; Querystring: TileQuery }>(
      '/collections/:collectionId/items/:itemId/tiles/WMTSCapabilities.xml',
      {
        schema: {
          summary: 'OGC WMTS 1.0.0 capabilities (RESTful) of an item asset layer, for QGIS and GDAL',
          params: ItemParams,
          querystring: TileQuerySchema,
        },
      },
      async (request, reply) => {
        const { collectionId, itemId } = request.params;
        const style = parseTileStyle(request.query);
        const item = await findItem(collectionId, itemId);
        const [key] = selectAssets(item, style.assets);
        const reader = await options.openAsset(item.assets[key].href);
        const sets = listTileMatrixSets();
        const zoomRanges = Object.fromEntries(sets.map((set) => [set.id, zoomRange(reader.info, set)]));
        const bounds = item.bbox?.length === 4 ? item.bbox : boundsOf(reader);
        const query = request.url.includes('?') ? `?${request.url.split('?')[1]}` : '';
        const base = `${request.protocol}://${request.host}${request.url.split('?')[0].replace(/\/WMTSCapabilities\.xml$/, '')}`;
        const maxZoom = Math.max(...Object.values(zoomRanges).map((range) => range.maxZoom));
        const xml = buildWmtsCapabilities(
          `${collectionId}/${itemId}`,
          [
            {
              id: `${collectionId}.${itemId}`,
              title: String(item.properties.title ?? itemId),
              bounds: [bounds[0], bounds[1], bounds[2], bounds[3]],
              zoomRanges,
              resourceUrl: `${base}/{TileMatrixSet}/{TileMatrix}/{TileCol}/{TileRow}.png${query}`,
              format: 'image/png',
            },
          ],
          sets,
          maxZoom,
        );
        return reply.type('application/xml').send(xml);
      },
    );

    for (const format of ['png', 'webp'] as const) {
      app.get<{ Params: typeof ItemParams.static; Querystring: PreviewQuery }>(
        `/collections/:collectionId/items/:itemId/preview.${format}`,
        {
          schema: {
            summary: `A preview (thumbnail) of an item asset as ${format.toUpperCase()}`,
            params: ItemParams,
            querystring: PreviewQuerySchema,
            response: { 400: ErrorSchema, 404: ErrorSchema, 422: ErrorSchema },
          },
        },
        async (request, reply) => {
          const { max_size: maxSize = 512, ...query } = request.query;
          const item = await findItem(request.params.collectionId, request.params.itemId);
          const image = await options.renderer.renderPreview(
            item,
            parseTileStyle(query),
            format,
            maxSize,
            abortOnDisconnect(reply),
          );
          return reply
            .type(IMAGE_MEDIA_TYPES[format])
            .header('Cache-Control', 'public, max-age=3600')
            .send(image);
        },
      );
    }

    app.get<{ Params: typeof ItemParams.static }>(
      '/collections/:collectionId/items/:itemId/raster/info',
      {
        schema: {
          summary: 'Size, bands, data type, CRS and overviews of the GeoTIFF assets of an item',
          params: ItemParams,
        },
      },
      async (request) => {
        const item = await findItem(request.params.collectionId, request.params.itemId);
        const entries = Object.entries(item.assets).filter(([, asset]) => isGeoTiff(asset));
        const infos = await Promise.all(
          entries.map(async ([key, asset]) => {
            const { info } = await options.openAsset(asset.href);
            const { colormap, ...rest } = info;
            return [
              key,
              {
                ...rest,
                nodata: Number.isNaN(info.nodata) ? 'nan' : info.nodata,
                hasColormap: colormap !== null,
              },
            ];
          }),
        );
        return Object.fromEntries(infos);
      },
    );
  };
}

/**
 * A tile's entity tag, known before rendering: the request (tile, style, format) and the item's assets and
 * last update. A file replaced in place under the same href keeps its tag, as it keeps its open reader.
 */
function tileEtag(url: string, item: StacItem): string {
  const hash = createHash('sha1')
    .update(url)
    .update(String(item.properties.updated ?? item.properties.datetime ?? ''))
    .update(JSON.stringify(Object.values(item.assets).map((asset) => asset.href)));
  return `"${hash.digest('base64url')}"`;
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  return (header ?? '')
    .split(',')
    .some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*');
}

/** An AbortSignal that fires when the client goes away before the reply is written. */
function abortOnDisconnect(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller.signal;
}

/** WGS 84 bounds of a raster from its four corners. */
function boundsOf(reader: CogReader): [number, number, number, number] {
  const {
    geoTransform: [x0, a, , y0, , e],
    width,
    height,
    epsg,
  } = reader.info;
  const xs = Float64Array.of(x0, x0 + width * a, x0, x0 + width * a);
  const ys = Float64Array.of(y0, y0, y0 + height * e, y0 + height * e);
  createTransformer(epsg ?? 4326, 4326)(xs, ys);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}
