/**
 * Small hand-made catalogue for the backend conformance suite: three collections and 40 items around
 * La Réunion (55.2–55.9 E, 21.3–20.8 S) plus a few around Fiji, one of them crossing the antimeridian.
 * Every value is computed from the item index, so tests can derive expected results independently of any
 * store.
 */
import type { Polygon } from 'geojson';
import type { StacCollection, StacItem } from '../../src/catalog/model/stac-types.js';

export const S2 = 'sentinel2-reunion';
export const PLEIADES = 'pleiades-reunion';
export const FIJI = 'fiji-mosaic';

const collection = (
  id: string,
  title: string,
  description: string,
  keywords: string[],
  providers: string[],
  bbox: number[],
  interval: [string | null, string | null],
): StacCollection => ({
  type: 'Collection',
  stac_version: '1.1.0',
  id,
  title,
  description,
  keywords,
  license: 'CC-BY-4.0',
  providers: providers.map((name) => ({ name, roles: ['producer'] })),
  extent: {
    spatial: { bbox: [bbox as [number, number, number, number]] },
    temporal: { interval: [interval] },
  },
  links: [],
});

export const COLLECTIONS: StacCollection[] = [
  collection(
    S2,
    'Sentinel-2 L2A, La Réunion',
    'Surface reflectance of Reunion island by Sentinel-2',
    ['Sentinel-2', 'reflectance', 'Réunion'],
    ['ESA', 'THEIA'],
    [55.2, -21.4, 55.9, -20.8],
    ['2024-01-01T00:00:00Z', null],
  ),
  collection(
    PLEIADES,
    'Pléiades, Piton de la Fournaise',
    "Images Pléiades de l'éruption du volcan",
    ['Pléiades', 'volcan'],
    ['CNES', 'Airbus DS'],
    [55.6, -21.3, 55.8, -21.2],
    ['2023-06-01T00:00:00Z', '2023-12-31T23:59:59Z'],
  ),
  collection(
    FIJI,
    'Fiji mosaic',
    'Mosaic of the Fiji islands across the antimeridian',
    ['Fiji', 'mosaic'],
    ['USP'],
    [177, -19, -179, -16],
    ['2021-01-01T00:00:00Z', '2021-12-31T23:59:59Z'],
  ),
];

const square = (west: number, south: number, size: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, south],
      [west + size, south],
      [west + size, south + size],
      [west, south + size],
      [west, south],
    ],
  ],
});

const DAY = 86_400_000;
const S2_START = Date.parse('2024-01-01T10:00:00Z');

/** 28 Sentinel-2 scenes: a 7 × 4 grid of 0.08° squares, one every 5 days. */
export const S2_ITEMS: StacItem[] = Array.from({ length: 28 }, (_, i) => {
  const west = 55.2 + (i % 7) * 0.1;
  const south = -21.3 + Math.floor(i / 7) * 0.1;
  const properties: StacItem['properties'] = {
    datetime: new Date(S2_START + i * 5 * DAY).toISOString(),
    'eo:cloud_cover': (i * 37) % 100,
    platform: i % 2 === 0 ? 'sentinel-2a' : 'sentinel-2b',
    constellation: 'sentinel-2',
    instruments: ['msi'],
    gsd: 10,
    title: `Sentinel-2 scene ${i}`,
    's2:tile': `40KC${String.fromCharCode(65 + (i % 3))}`,
    created: '2024-06-01T00:00:00Z',
  };
  if (i % 4 === 0) properties.keywords = ['lagoon', i % 8 === 0 ? 'coral' : 'reef'];
  if (i === 5) properties.description = 'Coulée de lave sur la côte est';
  if (i === 6) properties['eo:cloud_cover'] = null;
  return {
    type: 'Feature',
    stac_version: '1.1.0',
    stac_extensions: ['https://stac-extensions.github.io/eo/v2.0.0/schema.json'],
    id: `s2-${String(i).padStart(2, '0')}`,
    collection: S2,
    geometry: square(west, south, 0.08),
    bbox: [west, south, west + 0.08, south + 0.08],
    properties,
    links: [{ rel: 'license', href: 'https://example.org/licence' }],
    assets: {
      visual: {
        href: `https://example.org/s2/${i}.tif`,
        type: 'image/tiff; application=geotiff',
        roles: ['visual'],
      },
    },
  };
});

/** A triangle whose bbox covers [55.40, -21.10, 55.60, -20.90] but whose area is only the lower-left half. */
export const TRIANGLE: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [55.4, -21.1],
      [55.6, -21.1],
      [55.4, -20.9],
      [55.4, -21.1],
    ],
  ],
};

/** 9 Pléiades acquisitions over the volcano in 2023, some as ranges (datetime null). */
export const PLEIADES_ITEMS: StacItem[] = Array.from({ length: 9 }, (_, i) => {
  const start = Date.parse('2023-07-01T06:00:00Z') + i * 20 * DAY;
  const isRange = i % 3 === 2;
  const properties: StacItem['properties'] = isRange
    ? {
        datetime: null,
        start_datetime: new Date(start).toISOString(),
        end_datetime: new Date(start + 3 * DAY).toISOString(),
      }
    : { datetime: new Date(start).toISOString() };
  Object.assign(properties, {
    platform: i % 2 === 0 ? 'pleiades-1a' : 'pleiades-1b',
    constellation: 'pleiades',
    instruments: ['hiri'],
    gsd: 0.5,
    'eo:cloud_cover': i * 3,
    'view:off_nadir': i * 2.5,
    title: i === 0 ? 'Éruption du Piton de la Fournaise' : `Pléiades ${i}`,
    description: "Vue de l'Enclos Fouqué",
  });
  return {
    type: 'Feature',
    stac_version: '1.1.0',
    id: `pleiades-${i}`,
    collection: PLEIADES,
    geometry: i === 8 ? TRIANGLE : square(55.65 + (i % 3) * 0.04, -21.28 + Math.floor(i / 3) * 0.02, 0.03),
    properties,
    links: [],
    assets: {},
  };
});
/** The triangle item (PLEIADES_ITEMS[8]) has its bbox from the geometry, not from a bbox member. */
PLEIADES_ITEMS[8].bbox = [55.4, -21.1, 55.6, -20.9];

/** Three Fiji items: west of the antimeridian, east of it, and one crossing it (split MultiPolygon). */
export const FIJI_ITEMS: StacItem[] = [
  {
    type: 'Feature',
    stac_version: '1.1.0',
    id: 'fiji-west',
    collection: FIJI,
    geometry: square(178, -18, 0.5),
    bbox: [178, -18, 178.5, -17.5],
    properties: { datetime: '2021-03-01T00:00:00Z', platform: 'drone' },
    links: [],
    assets: {},
  },
  {
    type: 'Feature',
    stac_version: '1.1.0',
    id: 'fiji-east',
    collection: FIJI,
    geometry: square(-179.8, -17, 0.3),
    bbox: [-179.8, -17, -179.5, -16.7],
    properties: { datetime: '2021-04-01T00:00:00Z', platform: 'drone' },
    links: [],
    assets: {},
  },
  {
    type: 'Feature',
    stac_version: '1.1.0',
    id: 'fiji-across',
    collection: FIJI,
    geometry: {
      type: 'MultiPolygon',
      coordinates: [square(179.6, -18.5, 0.4).coordinates, square(-180, -18.5, 0.3).coordinates].map(
        (rings) => rings.map((ring) => ring.map(([x, y]) => [Math.min(x, 180), y])),
      ),
    },
    bbox: [179.6, -18.5, -179.7, -18.2],
    properties: { datetime: '2021-05-01T00:00:00Z', platform: 'drone', keywords: ['antimeridian'] },
    links: [],
    assets: {},
  },
];

export const ALL_ITEMS: StacItem[] = [...S2_ITEMS, ...PLEIADES_ITEMS, ...FIJI_ITEMS];

/** Ids sorted, for order-independent comparisons. */
export const idsOf = (items: { id: string }[]): string[] => items.map((item) => item.id).sort();

/** A deep copy, so a store cannot pass a test by keeping a reference to the caller's object. */
export const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
