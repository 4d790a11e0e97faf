import proj4 from 'proj4';
import { RasterError } from '../raster-errors.js';

/** A coordinate reference system known to the engine. */
export interface CrsDefinition {
  epsg: number;
  /** proj4 definition string. */
  proj4: string;
  /** True for longitude/latitude CRSs (GeoTIFF model type 2), false for projected ones (model type 1). */
  isGeographic: boolean;
  /** Where the definition comes from. */
  source: string;
}

const EPSG_REGISTRY =
  'EPSG Geodetic Parameter Dataset, https://epsg.org (proj4 form as published for each code)';
const GRS80_NULL_SHIFT = '+ellps=GRS80 +towgs84=0,0,0,0,0,0,0';

const definitions = new Map<number, CrsDefinition>();

/**
 * Registers a CRS by EPSG code and makes it known to proj4 as `EPSG:<code>`.
 * @throws RasterError `RASTER_INVALID_PARAMETER` when the code is already registered and `replace` is not set.
 */
export function registerCrs(epsg: number, proj4Text: string, source: string, replace = false): void {
  if (definitions.has(epsg) && !replace) {
    throw new RasterError('RASTER_INVALID_PARAMETER', `EPSG:${epsg} is already registered`);
  }
  const isGeographic = /\+proj=longlat\b/.test(proj4Text);
  definitions.set(epsg, { epsg, proj4: proj4Text, isGeographic, source });
  proj4.defs(`EPSG:${epsg}`, proj4Text);
}

/**
 * The definition of an EPSG code: those registered explicitly, plus the UTM families computed from the
 * code (WGS 84 326zz/327zz, ETRS89 258zz, NAD83 269zz).
 * Limits: other codes must be registered first (`registerCrs`); there is no full EPSG database.
 * @throws RasterError `RASTER_UNSUPPORTED` for an unknown code.
 */
export function resolveCrs(epsg: number): CrsDefinition {
  const known = definitions.get(epsg);
  if (known) return known;
  const utm = utmDefinition(epsg);
  if (utm) {
    registerCrs(epsg, utm, `${EPSG_REGISTRY}; UTM zone derived from the code`);
    return definitions.get(epsg)!;
  }
  throw new RasterError(
    'RASTER_UNSUPPORTED',
    `EPSG:${epsg} is not in the CRS registry (src/raster/warp/crs-registry.ts)`,
  );
}

/** Whether an EPSG code can be resolved. */
export function isKnownCrs(epsg: number): boolean {
  return definitions.has(epsg) || utmDefinition(epsg) !== null;
}

function utmDefinition(epsg: number): string | null {
  const zone = epsg % 100;
  const family = Math.floor(epsg / 100);
  if (family === 326 && zone >= 1 && zone <= 60)
    return `+proj=utm +zone=${zone} +datum=WGS84 +units=m +no_defs`;
  if (family === 327 && zone >= 1 && zone <= 60)
    return `+proj=utm +zone=${zone} +south +datum=WGS84 +units=m +no_defs`;
  if (family === 258 && zone >= 28 && zone <= 38)
    return `+proj=utm +zone=${zone} ${GRS80_NULL_SHIFT} +units=m +no_defs`;
  if (family === 269 && zone >= 1 && zone <= 23)
    return `+proj=utm +zone=${zone} +datum=NAD83 +units=m +no_defs`;
  return null;
}

// The CRSs of the French overseas data centres and the common global ones. proj4 knows 4326 and 3857 by
// itself; they are registered again here so that the registry can answer `isGeographic` for them.
registerCrs(4326, '+proj=longlat +datum=WGS84 +no_defs', EPSG_REGISTRY, true);
registerCrs(
  3857,
  '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs',
  EPSG_REGISTRY,
  true,
);
registerCrs(4627, `+proj=longlat ${GRS80_NULL_SHIFT} +no_defs`, `${EPSG_REGISTRY} (RGR92, La Réunion)`);
registerCrs(
  2975,
  `+proj=utm +zone=40 +south ${GRS80_NULL_SHIFT} +units=m +no_defs`,
  `${EPSG_REGISTRY} (RGR92 / UTM zone 40S)`,
);
registerCrs(4171, `+proj=longlat ${GRS80_NULL_SHIFT} +no_defs`, `${EPSG_REGISTRY} (RGF93)`);
registerCrs(4258, `+proj=longlat ${GRS80_NULL_SHIFT} +no_defs`, `${EPSG_REGISTRY} (ETRS89)`);
registerCrs(4269, '+proj=longlat +datum=NAD83 +no_defs', `${EPSG_REGISTRY} (NAD83)`);
registerCrs(
  2154,
  `+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 ${GRS80_NULL_SHIFT} +units=m +no_defs`,
  `${EPSG_REGISTRY} (RGF93 / Lambert-93)`,
);
registerCrs(
  4471,
  `+proj=utm +zone=38 +south ${GRS80_NULL_SHIFT} +units=m +no_defs`,
  `${EPSG_REGISTRY} (RGM04 / UTM zone 38S, Mayotte)`,
);
registerCrs(
  5490,
  `+proj=utm +zone=20 ${GRS80_NULL_SHIFT} +units=m +no_defs`,
  `${EPSG_REGISTRY} (RGAF09 / UTM zone 20N, Antilles)`,
);
registerCrs(
  2193,
  `+proj=tmerc +lat_0=0 +lon_0=173 +k=0.9996 +x_0=1600000 +y_0=10000000 ${GRS80_NULL_SHIFT} +units=m +no_defs`,
  `${EPSG_REGISTRY} (NZGD2000 / New Zealand Transverse Mercator)`,
);
