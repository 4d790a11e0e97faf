import { RasterError } from '../raster-errors.js';
import type { GeoTransform } from '../raster-types.js';

/** A tile in a tile matrix set: zoom (tile matrix id), column, row. */
export interface TileAddress {
  z: number;
  x: number;
  y: number;
}

/**
 * A quad-tree tile matrix set as defined by OGC Two Dimensional Tile Matrix Set 2.0 (OGC 17-083r4), Annex D:
 * every zoom halves the cell size; the origin is the top-left corner; tiles are square.
 */
export interface TileMatrixSet {
  /** Identifier used in URLs (`WebMercatorQuad`, `WorldCRS84Quad`). */
  id: string;
  title: string;
  /** OGC URI of the definition. */
  uri: string;
  /** EPSG code of the CRS, with x = easting/longitude first. */
  epsg: number;
  /** OGC CRS URI (CRS84 for WorldCRS84Quad, lon/lat order). */
  crsUri: string;
  tileSize: number;
  /** Top-left corner [x, y]. */
  origin: [number, number];
  /** Cell size at zoom 0, in CRS units. */
  resolution0: number;
  /** Tile columns and rows at zoom 0. */
  matrixWidth0: number;
  matrixHeight0: number;
  maxZoom: number;
  /** Bounds [minX, minY, maxX, maxY] of the whole set. */
  bounds: [number, number, number, number];
}

const HALF_WORLD = 20037508.342789244;

/** Web Mercator (EPSG:3857) quad tree of 256-px tiles, one tile at zoom 0: the XYZ tiles of web maps. */
export const WEB_MERCATOR_QUAD: TileMatrixSet = {
  id: 'WebMercatorQuad',
  title: 'Google Maps Compatible for the World',
  uri: 'http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad',
  epsg: 3857,
  crsUri: 'http://www.opengis.net/def/crs/EPSG/0/3857',
  tileSize: 256,
  origin: [-HALF_WORLD, HALF_WORLD],
  resolution0: (2 * HALF_WORLD) / 256,
  matrixWidth0: 1,
  matrixHeight0: 1,
  maxZoom: 24,
  bounds: [-HALF_WORLD, -HALF_WORLD, HALF_WORLD, HALF_WORLD],
};

/** Plate carrée (CRS84) quad tree of 256-px tiles, 2×1 tiles at zoom 0. */
export const WORLD_CRS84_QUAD: TileMatrixSet = {
  id: 'WorldCRS84Quad',
  title: 'CRS84 for the World',
  uri: 'http://www.opengis.net/def/tilematrixset/OGC/1.0/WorldCRS84Quad',
  epsg: 4326,
  crsUri: 'http://www.opengis.net/def/crs/OGC/1.3/CRS84',
  tileSize: 256,
  origin: [-180, 90],
  resolution0: 180 / 256,
  matrixWidth0: 2,
  matrixHeight0: 1,
  maxZoom: 23,
  bounds: [-180, -90, 180, 90],
};

const TILE_MATRIX_SETS = new Map<string, TileMatrixSet>([
  [WEB_MERCATOR_QUAD.id, WEB_MERCATOR_QUAD],
  [WORLD_CRS84_QUAD.id, WORLD_CRS84_QUAD],
]);

/** The known tile matrix sets. */
export function listTileMatrixSets(): TileMatrixSet[] {
  return [...TILE_MATRIX_SETS.values()];
}

/**
 * Looks up a tile matrix set by id (`WebMercatorQuad`, `WorldCRS84Quad`).
 * @throws RasterError `RASTER_INVALID_PARAMETER` naming the known ids.
 */
export function getTileMatrixSet(id: string): TileMatrixSet {
  const set = TILE_MATRIX_SETS.get(id);
  if (!set) {
    const known = [...TILE_MATRIX_SETS.keys()].join(', ');
    throw new RasterError(
      'RASTER_INVALID_PARAMETER',
      `unknown tile matrix set "${id}" (known: ${known})`,
      'tileMatrixSetId',
    );
  }
  return set;
}

/** Cell size at a zoom level. */
export function resolutionAt(set: TileMatrixSet, z: number): number {
  return set.resolution0 / 2 ** z;
}

/** Tile columns and rows at a zoom level. */
export function matrixSize(set: TileMatrixSet, z: number): [number, number] {
  return [set.matrixWidth0 * 2 ** z, set.matrixHeight0 * 2 ** z];
}

/**
 * Checks that a tile exists in the set.
 * @throws RasterError `RASTER_TILE_OUT_OF_RANGE` saying which of z, x, y is out of range and the valid range.
 */
export function assertTileInRange(set: TileMatrixSet, tile: TileAddress): void {
  const { z, x, y } = tile;
  if (!Number.isInteger(z) || z < 0 || z > set.maxZoom) {
    throw new RasterError(
      'RASTER_TILE_OUT_OF_RANGE',
      `zoom ${z} is out of range 0…${set.maxZoom} for ${set.id}`,
      'z',
    );
  }
  const [columns, rows] = matrixSize(set, z);
  if (!Number.isInteger(x) || x < 0 || x >= columns) {
    throw new RasterError(
      'RASTER_TILE_OUT_OF_RANGE',
      `column x=${x} is out of range 0…${columns - 1} at zoom ${z}`,
      'x',
    );
  }
  if (!Number.isInteger(y) || y < 0 || y >= rows) {
    throw new RasterError(
      'RASTER_TILE_OUT_OF_RANGE',
      `row y=${y} is out of range 0…${rows - 1} at zoom ${z}`,
      'y',
    );
  }
}

/** Bounds [minX, minY, maxX, maxY] of a tile in the set's CRS. */
export function tileBounds(set: TileMatrixSet, tile: TileAddress): [number, number, number, number] {
  const size = resolutionAt(set, tile.z) * set.tileSize;
  const minX = set.origin[0] + tile.x * size;
  const maxY = set.origin[1] - tile.y * size;
  return [minX, maxY - size, minX + size, maxY];
}

/** The geotransform of a tile rendered at `pixels`×`pixels`. */
export function tileGeoTransform(set: TileMatrixSet, tile: TileAddress, pixels = set.tileSize): GeoTransform {
  const [minX, , maxX, maxY] = tileBounds(set, tile);
  const cell = (maxX - minX) / pixels;
  return [minX, cell, 0, maxY, 0, -cell];
}
