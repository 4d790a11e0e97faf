/**
 * Deterministic synthetic STAC records of La Réunion for the API tests: a collection, and scene number
 * `index` (one a day from 2024-01-01, cloud cover 4 × index, footprints on a 5-column grid of 0.1° cells).
 */
import type { StacCollection, StacItem } from '../../../src/catalog/model/stac-types.js';

export function collection(id: string, title: string, keywords: string[]): StacCollection {
  return {
    type: 'Collection',
    stac_version: '1.1.0',
    id,
    title,
    description: `${title} (synthetic test data)`,
    keywords,
    license: 'CC-BY-4.0',
    providers: [{ name: 'OSU-Réunion', roles: ['producer', 'host'] }],
    extent: {
      spatial: { bbox: [[55.2, -21.4, 55.9, -20.8]] },
      temporal: { interval: [['2016-01-01T00:00:00Z', null]] },
    },
    links: [{ rel: 'license', href: 'https://creativecommons.org/licenses/by/4.0/' }],
  };
}

export function item(collectionId: string, index: number, extra: Record<string, unknown> = {}): StacItem {
  const west = 55.2 + (index % 5) * 0.1;
  const south = -21.4 + Math.floor(index / 5) * 0.1;
  return {
    type: 'Feature',
    stac_version: '1.1.0',
    stac_extensions: ['https://stac-extensions.github.io/eo/v1.1.0/schema.json'],
    id: `${collectionId}-${String(index).padStart(3, '0')}`,
    collection: collectionId,
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [west, south],
          [west + 0.1, south],
          [west + 0.1, south + 0.1],
          [west, south + 0.1],
          [west, south],
        ],
      ],
    },
    bbox: [west, south, west + 0.1, south + 0.1],
    properties: {
      datetime: new Date(Date.UTC(2024, 0, 1 + index)).toISOString(),
      'eo:cloud_cover': (index * 4) % 100,
      platform: index % 2 === 0 ? 'pleiades-1a' : 'pleiades-1b',
      title: index === 7 ? 'Piton de la Fournaise éruption' : `Scene ${index}`,
      ...extra,
    },
    links: [{ rel: 'license', href: 'https://example.org/licence' }],
    assets: {
      data: {
        href: `https://data.example.org/${collectionId}/${index}.tif`,
        type: 'image/tiff; application=geotiff',
      },
    },
  };
}
