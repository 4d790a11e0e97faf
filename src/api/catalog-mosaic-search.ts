/**
 * The mosaic search of the main server: a registered STAC search (POST /search body) run against the
 * catalogue, restricted to the items that touch one tile. The raster plugin gets it as `searchItems`, so that
 * mosaics and pixel histories in the server composite what the catalogue finds, in the search's sort order.
 */
import type { StacItem } from '../catalog/model/stac-types.js';
import type { Bbox2D } from '../catalog/search/item-search.js';
import { parseItemSearchBody } from '../catalog/search/search-request-parser.js';
import type { CatalogStore } from '../catalog/store/catalog-store.js';
import type { MosaicItemSearch } from './raster/mosaic-routes.js';

/**
 * @example
 * await app.register(rasterPlugin, { ..., searchItems: catalogMosaicSearch(catalog) });
 */
export function catalogMosaicSearch(catalog: CatalogStore): MosaicItemSearch {
  return async (body, bbox, limit) => {
    const { search } = parseItemSearchBody({ ...body, limit: undefined, token: undefined });
    // The tile's box is added as a CQL2 condition, so it combines with the search's own bbox, intersects and
    // filter (STAC forbids bbox with intersects, but a filter may be given with either).
    const tile = { op: 's_intersects', args: [{ property: 'geometry' }, { bbox: [...bbox] as Bbox2D }] };
    search.filter = search.filter === undefined ? tile : { op: 'and', args: [search.filter, tile] };
    search.limit = limit;
    const page = await catalog.search(search);
    return page.items as StacItem[];
  };
}
