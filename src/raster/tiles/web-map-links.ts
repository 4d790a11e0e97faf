import type { StacItem, StacLink } from '../../catalog/model/stac-types.js';
import { isGeoTiff } from '../render/item-tile-renderer.js';

/** Schema URL of the STAC web-map-links extension, to list in `stac_extensions` when the links are added. */
export const WEB_MAP_LINKS_EXTENSION = 'https://stac-extensions.github.io/web-map-links/v1.2.0/schema.json';

/**
 * Links of the STAC web-map-links extension (rel `xyz`, `tilejson`, `wmts`) to the tiles of an item's GeoTIFF
 * assets, for the catalogue to add to items it serves; none when the item has no GeoTIFF asset.
 * `apiRoot` is the absolute URL of the API (e.g. `https://data.example.org/api`).
 * See https://github.com/stac-extensions/web-map-links
 */
export function rasterWebMapLinks(item: StacItem, collectionId: string, apiRoot: string): StacLink[] {
  if (!Object.values(item.assets).some(isGeoTiff)) return [];
  const base = `${apiRoot}/collections/${encodeURIComponent(collectionId)}/items/${encodeURIComponent(item.id)}/tiles`;
  const title = String(item.properties.title ?? item.id);
  return [
    {
      rel: 'xyz',
      href: `${base}/WebMercatorQuad/{z}/{x}/{y}.png`,
      type: 'image/png',
      title: `${title} (XYZ tiles)`,
    },
    {
      rel: 'tilejson',
      href: `${base}/WebMercatorQuad/tilejson.json`,
      type: 'application/json',
      title: `${title} (TileJSON)`,
    },
    {
      rel: 'wmts',
      href: `${base}/WMTSCapabilities.xml`,
      type: 'application/xml',
      title: `${title} (WMTS)`,
      'wmts:layer': `${collectionId}.${item.id}`,
    },
  ];
}
