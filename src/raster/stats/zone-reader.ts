import type { Geometry } from 'geojson';
import type { CogReader } from '../cog/cog-reader.js';
import { RasterError } from '../raster-errors.js';
import { createTransformer } from '../warp/coordinate-transformer.js';
import { rasterizeRings } from './polygon-mask.js';
import { summarizeBand, type BandStatistics } from './zonal-statistics.js';

/** Largest zone read at full resolution (pixels of its bounding box). */
const MAX_ZONE_PIXELS = 32 * 1024 * 1024;
/** Most polygon vertices accepted. */
export const MAX_ZONE_VERTICES = 100_000;

/** Options of {@link zonalStatistics}. */
export interface ZoneOptions {
  /** 0-based bands (all by default). */
  bands?: number[];
  percentiles?: number[];
  bins?: number;
  categorical?: boolean;
  signal?: AbortSignal;
}

/**
 * Statistics of a raster inside a GeoJSON Polygon or MultiPolygon given in WGS 84 longitude/latitude, at full
 * resolution. Pixels count when their centre is inside the polygon (the pixel-centre rule of gdal_rasterize);
 * nodata pixels are left out. Vertices are reprojected one by one (edges are not densified, which matters only
 * for edges spanning many kilometres).
 * @throws RasterError `RASTER_INVALID_PARAMETER` for another geometry type, more than 100,000 vertices or a zone
 * whose bounding box exceeds 32 Mpx; `RASTER_UNSUPPORTED` for a raster without EPSG CRS.
 */
export async function zonalStatistics(
  reader: CogReader,
  geometry: Geometry,
  options: ZoneOptions = {},
): Promise<BandStatistics[]> {
  const { info } = reader;
  if (info.epsg === null)
    throw new RasterError('RASTER_UNSUPPORTED', 'the raster has no EPSG coordinate reference system');
  const polygons =
    geometry.type === 'Polygon'
      ? [geometry.coordinates]
      : geometry.type === 'MultiPolygon'
        ? geometry.coordinates
        : null;
  if (!polygons) {
    throw new RasterError(
      'RASTER_INVALID_PARAMETER',
      `the zone must be a Polygon or MultiPolygon, not ${geometry.type}`,
      'geometry',
    );
  }
  const rings = polygons.flat();
  const vertexCount = rings.reduce((sum, ring) => sum + ring.length, 0);
  if (vertexCount > MAX_ZONE_VERTICES) {
    throw new RasterError(
      'RASTER_INVALID_PARAMETER',
      `the zone has ${vertexCount} vertices (at most ${MAX_ZONE_VERTICES})`,
      'geometry',
    );
  }
  const bands = options.bands ?? info.bands.map((_, index) => index);
  const pixelRings = toPixelRings(rings, info.epsg, info.geoTransform);
  const xs = pixelRings.flat().map((point) => point[0]);
  const ys = pixelRings.flat().map((point) => point[1]);
  const x0 = Math.max(0, Math.floor(Math.min(...xs)));
  const y0 = Math.max(0, Math.floor(Math.min(...ys)));
  const x1 = Math.min(info.width, Math.ceil(Math.max(...xs)));
  const y1 = Math.min(info.height, Math.ceil(Math.max(...ys)));
  const summaryOptions = {
    nodata: info.nodata,
    percentiles: options.percentiles,
    bins: options.bins,
    categorical: options.categorical,
    pixelArea: Math.abs(
      info.geoTransform[1] * info.geoTransform[5] - info.geoTransform[2] * info.geoTransform[4],
    ),
  };
  if (x1 <= x0 || y1 <= y0)
    return bands.map(() => summarizeBand(new Float64Array(0), new Uint8Array(0), summaryOptions));
  if ((x1 - x0) * (y1 - y0) > MAX_ZONE_PIXELS) {
    throw new RasterError(
      'RASTER_INVALID_PARAMETER',
      `the zone covers ${x1 - x0}x${y1 - y0} pixels (at most 32 Mpx)`,
      'geometry',
    );
  }
  const window = { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
  const block = await reader.readWindow(window, { bands, signal: options.signal });
  const shifted = pixelRings.map((ring) => ring.map(([x, y]) => [x - x0, y - y0]));
  const mask = rasterizeRings(shifted, window.width, window.height);
  return block.bands.map((band) => summarizeBand(band, mask, summaryOptions));
}

/**
 * Converts lon/lat rings to pixel coordinates of a grid, through the inverse geotransform computed as GDAL's
 * GDALInvGeoTransform does (same floating-point steps, so that edge pixels are decided as gdal_rasterize does).
 */
export function toPixelRings(rings: number[][][], epsg: number, geoTransform: number[]): number[][][] {
  const transform = createTransformer(4326, epsg);
  const [gx, a, b, gy, d, e] = geoTransform;
  const isNorthUp = b === 0 && d === 0;
  const inverse = isNorthUp
    ? [-gx / a, 1 / a, 0, -gy / e, 0, 1 / e]
    : (() => {
        const invDet = 1 / (a * e - b * d);
        return [
          (b * gy - e * gx) * invDet,
          e * invDet,
          -b * invDet,
          (-a * gy + d * gx) * invDet,
          -d * invDet,
          a * invDet,
        ];
      })();
  return rings.map((ring) => {
    const xs = Float64Array.from(ring, (point) => point[0]);
    const ys = Float64Array.from(ring, (point) => point[1]);
    transform(xs, ys);
    return Array.from(xs, (x, i) => [
      inverse[0] + x * inverse[1] + ys[i] * inverse[2],
      inverse[3] + x * inverse[4] + ys[i] * inverse[5],
    ]);
  });
}

/** The value of every band at a WGS 84 point: null for nodata; `isInside` false outside the raster. */
export async function pointValues(
  reader: CogReader,
  longitude: number,
  latitude: number,
  signal?: AbortSignal,
): Promise<{ isInside: boolean; column: number; row: number; values: (number | null)[] }> {
  const { info } = reader;
  if (info.epsg === null)
    throw new RasterError('RASTER_UNSUPPORTED', 'the raster has no EPSG coordinate reference system');
  const [[[column, row]]] = toPixelRings([[[longitude, latitude]]], info.epsg, info.geoTransform).map(
    (ring) => ring.map(([x, y]) => [Math.floor(x), Math.floor(y)]),
  );
  const isInside = column >= 0 && row >= 0 && column < info.width && row < info.height;
  if (!isInside) return { isInside, column, row, values: info.bands.map(() => null) };
  const block = await reader.readWindow({ x: column, y: row, width: 1, height: 1 }, { signal });
  const values = block.bands.map((band) => {
    const value = band[0];
    return Number.isNaN(value) || value === info.nodata ? null : value;
  });
  return { isInside, column, row, values };
}
