/**
 * The places of the La Réunion demo centre, at their true coordinates (WGS 84 longitude, latitude), and the
 * local projected grids of its products. Other demo contributions (rasters, in-situ) use the same definitions
 * so that every part of the demo lines up.
 *
 * Outlines are simplified (a few dozen vertices) from the coastline; stations are plausible sites, not the
 * coordinates of real instruments.
 */
import type { Polygon } from 'geojson';
import proj4 from 'proj4';

/** RGR92 / UTM zone 40S, the local projected CRS of La Réunion. See https://epsg.org/crs_2975 */
export const EPSG_RGR92_UTM40S = 2975;
/** WGS 84 / UTM zone 40S, the CRS of Sentinel-2 tiles over La Réunion. */
export const EPSG_WGS84_UTM40S = 32740;
/** WGS 84 / UTM zone 38S, the CRS of Sentinel-2 and Pléiades products over Mayotte. */
export const EPSG_WGS84_UTM38S = 32738;

const PROJ4_DEFINITIONS: Record<number, string> = {
  [EPSG_RGR92_UTM40S]: '+proj=utm +zone=40 +south +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
  [EPSG_WGS84_UTM40S]: '+proj=utm +zone=40 +south +datum=WGS84 +units=m +no_defs',
  [EPSG_WGS84_UTM38S]: '+proj=utm +zone=38 +south +datum=WGS84 +units=m +no_defs',
};

/** [west, south, east, north] in degrees. */
export type LonLatBbox = [number, number, number, number];

/** Coastline of La Réunion, counter-clockwise from Saint-Denis (simplified). */
export const REUNION_OUTLINE: [number, number][] = [
  [55.4486, -20.8725],
  [55.3856, -20.8838],
  [55.2941, -20.9267],
  [55.2813, -20.9602],
  [55.2653, -21.0069],
  [55.2376, -21.0441],
  [55.2196, -21.0811],
  [55.2312, -21.1231],
  [55.2691, -21.1705],
  [55.2975, -21.2245],
  [55.3284, -21.2641],
  [55.3938, -21.2951],
  [55.4691, -21.3413],
  [55.5393, -21.3622],
  [55.6213, -21.3836],
  [55.6969, -21.3745],
  [55.7707, -21.3642],
  [55.8135, -21.3375],
  [55.8356, -21.287],
  [55.8213, -21.2152],
  [55.7955, -21.1343],
  [55.749, -21.0829],
  [55.7163, -21.0299],
  [55.6634, -20.9634],
  [55.6012, -20.9112],
  [55.5326, -20.8881],
  [55.4486, -20.8725],
];

/** Grande-Terre and Petite-Terre of Mayotte, as one simplified outline, counter-clockwise. */
export const MAYOTTE_OUTLINE: [number, number][] = [
  [45.1822, -12.6452],
  [45.0945, -12.6788],
  [45.0411, -12.7371],
  [45.0472, -12.8203],
  [45.102, -12.8775],
  [45.0873, -12.9496],
  [45.1359, -12.993],
  [45.1968, -12.9618],
  [45.2104, -12.8851],
  [45.2343, -12.805],
  [45.2906, -12.7896],
  [45.2978, -12.7555],
  [45.2468, -12.7336],
  [45.2123, -12.6801],
  [45.1822, -12.6452],
];

export const REUNION_BBOX = outlineBbox(REUNION_OUTLINE);
export const MAYOTTE_BBOX = outlineBbox(MAYOTTE_OUTLINE);

/** The beach of l'Hermitage (Saint-Paul), its lagoon and back-beach, surveyed by drone. */
export const HERMITAGE_BBOX: LonLatBbox = [55.2178, -21.0855, 55.2282, -21.0695];
/** Ground sampling distance of the Hermitage drone products, in metres. */
export const HERMITAGE_GSD = { dem: 2, orthophoto: 2 } as const;

/** Enclos Fouqué caldera and the summit cone of Piton de la Fournaise. */
export const FOURNAISE_ENCLOS_BBOX: LonLatBbox = [55.648, -21.305, 55.8, -21.185];
/** Summit crater Dolomieu of Piton de la Fournaise. */
export const FOURNAISE_SUMMIT: [number, number] = [55.7089, -21.2444];

/** The Rivière des Pluies catchment, from the Plaine des Chicots to the sea near Sainte-Marie. */
export const RIVIERE_DES_PLUIES_BBOX: LonLatBbox = [55.442, -21.03, 55.516, -20.885];

export interface DemoStation {
  code: string;
  name: string;
  lon: number;
  lat: number;
  /** Metres above the ellipsoid (GNSS) or above sea level (river sites). */
  elevation: number;
}

/** Sampling sites of the synthetic ERORUN series on the Rivière des Pluies, upstream to the outlet. */
export const ERORUN_SITES: readonly DemoStation[] = [
  {
    code: 'RDP-AMONT',
    name: 'Rivière des Pluies – amont (Bras Guillaume)',
    lon: 55.4663,
    lat: -20.9846,
    elevation: 640,
  },
  {
    code: 'RDP-MEDIAN',
    name: 'Rivière des Pluies – Îlet Quinquina',
    lon: 55.4852,
    lat: -20.9392,
    elevation: 210,
  },
  {
    code: 'RDP-PONT',
    name: 'Rivière des Pluies – pont RN2 (embouchure)',
    lon: 55.5012,
    lat: -20.8993,
    elevation: 12,
  },
];

/** The synthetic GNSS network of Piton de la Fournaise: summit, rim, Enclos and flank sites. */
export const FOURNAISE_GNSS_STATIONS: readonly DemoStation[] = [
  { code: 'BORG', name: 'Bory (bord ouest du Dolomieu)', lon: 55.7071, lat: -21.2436, elevation: 2610 },
  { code: 'DSRG', name: 'Dolomieu Sud (bord sud)', lon: 55.7111, lat: -21.2488, elevation: 2590 },
  { code: 'SNEG', name: 'Soufrière Nord-Est', lon: 55.7165, lat: -21.2397, elevation: 2540 },
  { code: 'CHAG', name: 'Château Fort', lon: 55.6932, lat: -21.2572, elevation: 2330 },
  { code: 'FJSG', name: 'Formica Léo', lon: 55.6962, lat: -21.2355, elevation: 2250 },
  { code: 'BELG', name: 'Pas de Bellecombe', lon: 55.689, lat: -21.2193, elevation: 2320 },
  { code: 'ENCG', name: 'Enclos Nord', lon: 55.7332, lat: -21.2171, elevation: 1910 },
  { code: 'GBSG', name: 'Grandes Pentes Sud', lon: 55.758, lat: -21.268, elevation: 1240 },
  { code: 'PRAG', name: 'Plaine des Sables', lon: 55.6587, lat: -21.2332, elevation: 2270 },
  { code: 'RVAG', name: 'Rivière de l’Est (rempart)', lon: 55.7244, lat: -21.1965, elevation: 1650 },
];

/** The bbox of a ring of coordinates. */
export function outlineBbox(ring: readonly [number, number][]): LonLatBbox {
  const lons = ring.map(([lon]) => lon);
  const lats = ring.map(([, lat]) => lat);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}

/** A closed counter-clockwise polygon for a bbox. */
export function bboxPolygon([west, south, east, north]: LonLatBbox): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [west, south],
        [east, south],
        [east, north],
        [west, north],
        [west, south],
      ],
    ],
  };
}

/** A polygon for a ring given as a list of positions (closed by the caller). */
export function ringPolygon(ring: readonly [number, number][]): Polygon {
  return { type: 'Polygon', coordinates: [ring.map(([lon, lat]) => [lon, lat])] };
}

/** Projects a longitude/latitude into one of the demo CRSs; metres rounded to the centimetre. */
export function projectLonLat(epsg: number, lon: number, lat: number): [number, number] {
  const definition = PROJ4_DEFINITIONS[epsg];
  if (!definition) throw new RangeError(`EPSG:${epsg} is not a demo CRS`);
  const [x, y] = proj4('EPSG:4326', definition, [lon, lat]);
  return [roundTo(x, 2), roundTo(y, 2)];
}

/** The projected bbox [minx, miny, maxx, maxy] covering a lon/lat bbox, snapped outwards to `step` metres. */
export function projectedBbox(
  epsg: number,
  [west, south, east, north]: LonLatBbox,
  step = 1,
): [number, number, number, number] {
  const corners = [
    projectLonLat(epsg, west, south),
    projectLonLat(epsg, east, south),
    projectLonLat(epsg, east, north),
    projectLonLat(epsg, west, north),
  ];
  const xs = corners.map(([x]) => x);
  const ys = corners.map(([, y]) => y);
  return [
    Math.floor(Math.min(...xs) / step) * step,
    Math.floor(Math.min(...ys) / step) * step,
    Math.ceil(Math.max(...xs) / step) * step,
    Math.ceil(Math.max(...ys) / step) * step,
  ];
}

/** Rounds to `digits` decimals, so that generated documents do not depend on last-bit floating-point noise. */
export function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Converts projected coordinates of a demo CRS back to longitude/latitude, rounded to 1e-7 degree. */
export function unprojectXY(epsg: number, x: number, y: number): [number, number] {
  const definition = PROJ4_DEFINITIONS[epsg];
  if (!definition) throw new RangeError(`EPSG:${epsg} is not a demo CRS`);
  const [lon, lat] = proj4(definition, 'EPSG:4326', [x, y]);
  return [roundTo(lon, 7), roundTo(lat, 7)];
}

/** The lon/lat footprint (counter-clockwise polygon) of a projected rectangle [minx, miny, maxx, maxy]. */
export function projectedRectanglePolygon(
  epsg: number,
  [minx, miny, maxx, maxy]: [number, number, number, number],
): Polygon {
  const ring = [
    unprojectXY(epsg, minx, miny),
    unprojectXY(epsg, maxx, miny),
    unprojectXY(epsg, maxx, maxy),
    unprojectXY(epsg, minx, maxy),
  ];
  return { type: 'Polygon', coordinates: [[...ring, ring[0]]] };
}

/** The Sentinel-2 MGRS tile 40KCB that covers La Réunion, in EPSG:32740 (109.8 km square). */
export const SENTINEL2_TILE_40KCB = {
  id: 'T40KCB',
  epsg: EPSG_WGS84_UTM40S,
  bbox: [300000, 7590220, 409800, 7700020] as [number, number, number, number],
};
