import { describe, expect, it } from 'vitest';
import type { StacItem } from '../../../src/catalog/model/stac-types.js';
import { rasterWebMapLinks } from '../../../src/raster/tiles/web-map-links.js';

const item = (assets: StacItem['assets']): StacItem => ({
  type: 'Feature',
  stac_version: '1.1.0',
  id: 'scène 1',
  geometry: null,
  properties: { datetime: null },
  links: [],
  assets,
});

describe('rasterWebMapLinks', () => {
  it('links xyz, TileJSON and WMTS with absolute, encoded URLs', () => {
    const links = rasterWebMapLinks(
      item({ dem: { href: 'dem.tif', type: 'image/tiff; application=geotiff' } }),
      'dem',
      'https://x.org/api',
    );
    expect(links.map((link) => link.rel)).toEqual(['xyz', 'tilejson', 'wmts']);
    expect(links[0].href).toBe(
      'https://x.org/api/collections/dem/items/sc%C3%A8ne%201/tiles/WebMercatorQuad/{z}/{x}/{y}.png',
    );
    expect(links[2]['wmts:layer']).toBe('dem.scène 1');
  });
  it('gives no links for items without GeoTIFF assets', () => {
    expect(
      rasterWebMapLinks(item({ doc: { href: 'a.pdf', type: 'application/pdf' } }), 'c', 'https://x.org/api'),
    ).toEqual([]);
  });
});
