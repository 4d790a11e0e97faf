/**
 * The raster capability over HTTP: XYZ tiles, TileJSON and raster info for every GeoTIFF asset of catalogue
 * items, relative to the prefix the plugin is registered with (`/api`):
 *
 * - `GET /collections/{c}/items/{i}/tiles/{tileMatrixSetId}/{z}/{x}/{y}[.png|.webp]`
 * - `GET /collections/{c}/items/{i}/tiles/{tileMatrixSetId}/tilejson.json`
 * - `GET /collections/{c}/items/{i}/tiles/WMTSCapabilities.xml`
 * - `GET /collections/{c}/items/{i}/preview.png|webp?max_size=512` (thumbnail in the asset's own CRS)
 * - `GET /collections/{c}/items/{i}/raster/info`
 * - `GET /collections/{c}/items/{i}/raster/point?lon=…&lat=…` (band values at a point)
 * - `POST /collections/{c}/items/{i}/raster/statistics` (GeoJSON polygon body → zonal statistics)
 * - `POST /mosaics` (a STAC search → mosaic id), `GET /mosaics/{id}/tiles/{tms}/{z}/{x}/{y}[.png|.webp]`
 *   and `GET /mosaics/{id}/point?lon=…&lat=…` (pixel history across the items), when `searchItems` is given
 * - `GET|HEAD /assets/{path}` files of `assetRoot`, with Range, ETag, Last-Modified (when `assetRoot` is set)
 *
 * Errors are `{ code, description }`, with the statuses of the application's table (src/api/errors.ts).
 *
 * @example
 * await app.register(rasterPlugin, {
 *   prefix: '/api',
 *   getItem: (collectionId, itemId) => store.getItem(collectionId, itemId),
 *   resolveAssetHref: (href) => resolveAgainstDataDir(href),
 * });
 */
import { rasterWebMapLinks, WEB_MAP_LINKS_EXTENSION } from '../../raster/tiles/web-map-links.js';
import type { FastifyPluginAsync } from 'fastify';
import type { StacItem } from '../../catalog/model/stac-types.js';
import { ReaderCache } from '../../raster/cog/reader-cache.js';
import { RasterError } from '../../raster/raster-errors.js';
import { ItemTileRenderer } from '../../raster/render/item-tile-renderer.js';
import { MosaicRegistry } from '../../raster/render/mosaic-registry.js';
import { assetRoutes } from './asset-routes.js';
import { mosaicRoutes, type MosaicItemSearch } from './mosaic-routes.js';
import { statsRoutes } from './stats-routes.js';
import { tileRoutes } from './tile-routes.js';

export interface RasterPluginOptions {
  /** Looks an item up in the catalogue; undefined when it does not exist. */
  readonly getItem: (collectionId: string, itemId: string) => Promise<StacItem | undefined>;
  /**
   * Turns an asset href into what the engine opens: an absolute file path, a `file:` URL or an http(s) URL.
   * Relative hrefs are resolved here (and must be kept inside the data directory by this function).
   */
  readonly resolveAssetHref: (href: string) => string;
  /**
   * Finds the items of a STAC search touching a WGS 84 bbox, in the search's sort order (the catalogue's
   * search with the bbox added). Mosaic routes are mounted only when given.
   */
  readonly searchItems?: MosaicItemSearch;
  /** Folder where registered mosaics are kept (see MosaicRegistry); in memory only when absent. */
  readonly mosaicFolder?: string;
  /** Directory whose files are served at `/assets/{path}`; no asset download route when absent. */
  readonly assetRoot?: string;
  /** Open readers and cached blocks; one is created when absent. The plugin closes only its own. */
  readonly readerCache?: ReaderCache;
}

export const rasterPlugin: FastifyPluginAsync<RasterPluginOptions> = async (app, options) => {
  const readers = options.readerCache ?? new ReaderCache();
  if (!options.readerCache) app.addHook('onClose', () => readers.close());
  // Items with GeoTIFF assets served by the catalogue link to their tiles (STAC web-map-links).
  if (app.hasDecorator('itemLinks')) app.itemLinks.add(rasterWebMapLinks, WEB_MAP_LINKS_EXTENSION);
  const renderer = new ItemTileRenderer((asset, signal) =>
    readers.open(options.resolveAssetHref(asset.href), signal),
  );
  const openAsset = (href: string) => readers.open(options.resolveAssetHref(href));
  const findItem = async (collectionId: string, itemId: string): Promise<StacItem> => {
    const item = await options.getItem(collectionId, itemId);
    if (!item)
      throw new RasterError(
        'RASTER_ITEM_NOT_FOUND',
        `item "${itemId}" not found in collection "${collectionId}"`,
      );
    return item;
  };
  await app.register(tileRoutes({ findItem, renderer, openAsset }));
  await app.register(statsRoutes({ findItem, openAsset }));
  if (options.assetRoot) await app.register(assetRoutes(options.assetRoot));
  if (options.searchItems) {
    const registry = new MosaicRegistry(undefined, options.mosaicFolder);
    await app.register(
      mosaicRoutes({
        registry,
        searchItems: options.searchItems,
        renderer,
        openAsset,
        maxItemsPerTile: 50,
        maxItemsPerSeries: 1000,
      }),
    );
  }
};
