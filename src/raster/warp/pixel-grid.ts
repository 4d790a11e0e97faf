import type { GeoTransform } from '../raster-types.js';
import type { CoordinateTransformer } from './coordinate-transformer.js';

/**
 * GDAL's default error threshold of its approximate transformer (`gdalwarp -et 0.125`), in source pixels:
 * interpolating between exactly transformed nodes may move a sample by at most this much.
 */
export const APPROXIMATION_TOLERANCE_PX = 0.125;

/**
 * Where the centres of an output grid's pixels fall in a source raster, computed like GDAL's approximate
 * transformer: only a lattice of nodes (every `step` pixels, plus the last row and column) goes through the
 * exact transform; pixels in between are interpolated bilinearly. Everything that does not need every pixel
 * (extent, level choice, conversion to pixel coordinates, window offset) is done on the nodes: the affine
 * steps commute with the interpolation and the extent of the interpolated points is that of the nodes.
 */
export class PixelLattice {
  private constructor(
    private readonly target: GeoTransform,
    readonly width: number,
    readonly height: number,
    private readonly transform: CoordinateTransformer,
    readonly step: number,
    private readonly columns: number[],
    private readonly rows: number[],
    /** Node positions: source CRS, then source pixels once `toPixels` ran. */
    private readonly xs: Float64Array,
    private readonly ys: Float64Array,
  ) {}

  /** Transforms the nodes of an output grid (`target`, `width`×`height` pixels) to the source CRS. */
  static create(
    target: GeoTransform,
    width: number,
    height: number,
    transform: CoordinateTransformer,
    step = 16,
  ): PixelLattice {
    const columns = nodesOf(width, step);
    const rows = nodesOf(height, step);
    const [xs, ys] = transformedCentres(target, columns, rows, transform);
    return new PixelLattice(target, width, height, transform, step, columns, rows, xs, ys);
  }

  /** [minX, minY, maxX, maxY] of the finite nodes (= of every pixel), or null when none is finite. */
  extent(): [number, number, number, number] | null {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < this.xs.length; i++) {
      const x = this.xs[i];
      const y = this.ys[i];
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    return minX <= maxX ? [minX, minY, maxX, maxY] : null;
  }

  /**
   * Converts the nodes from source CRS coordinates to continuous pixel coordinates of a raster level (pixel
   * (i, j) covers [i, i+1) × [j, j+1)), refining the lattice (halving the step, down to exact) until the
   * interpolation error at the cell centres is within {@link APPROXIMATION_TOLERANCE_PX} of those pixels.
   * Returns the lattice to use from then on (this one, or a finer one).
   */
  toPixels(geoTransform: GeoTransform): PixelLattice {
    toPixelsInPlace(this.xs, this.ys, geoTransform);
    if (this.step <= 1 || this.maxCentreError(geoTransform) <= APPROXIMATION_TOLERANCE_PX) return this;
    const finer = PixelLattice.create(
      this.target,
      this.width,
      this.height,
      this.transform,
      Math.max(1, this.step >> 1),
    );
    return finer.toPixels(geoTransform);
  }

  /** Subtracts a window origin from the nodes (pixel coordinates relative to a window read at dx, dy). */
  offset(dx: number, dy: number): void {
    for (let i = 0; i < this.xs.length; i++) {
      this.xs[i] -= dx;
      this.ys[i] -= dy;
    }
  }

  /** The position of every pixel centre, row by row, interpolated between the nodes. */
  interpolate(): { xs: Float64Array; ys: Float64Array } {
    const { width, height, xs: nodeXs, ys: nodeYs } = this;
    const xs = new Float64Array(width * height);
    const ys = new Float64Array(width * height);
    const columnCells = cellsOf(this.columns, width);
    const rowCells = cellsOf(this.rows, height);
    const stride = this.columns.length;
    for (let row = 0; row < height; row++) {
      const j = rowCells.cell[row];
      const j1 = Math.min(j + 1, this.rows.length - 1);
      const b = rowCells.weight[row];
      // The row's position on each vertical lattice line, then linear along the row.
      for (let column = 0; column < width; column++) {
        const i = columnCells.cell[column];
        const i1 = Math.min(i + 1, stride - 1);
        const a = columnCells.weight[column];
        const index = row * width + column;
        const top = j * stride;
        const bottom = j1 * stride;
        xs[index] =
          (1 - b) * ((1 - a) * nodeXs[top + i] + a * nodeXs[top + i1]) +
          b * ((1 - a) * nodeXs[bottom + i] + a * nodeXs[bottom + i1]);
        ys[index] =
          (1 - b) * ((1 - a) * nodeYs[top + i] + a * nodeYs[top + i1]) +
          b * ((1 - a) * nodeYs[bottom + i] + a * nodeYs[bottom + i1]);
      }
    }
    return { xs, ys };
  }

  /**
   * For nearest-neighbour sampling of a `sourceWidth`×`sourceHeight` window: the index of the source pixel
   * containing every pixel centre, row by row, or -1 outside. Same positions as {@link interpolate}, without
   * materialising them.
   */
  nearestIndices(sourceWidth: number, sourceHeight: number): Int32Array {
    const { width, height, xs: nodeXs, ys: nodeYs } = this;
    const indices = new Int32Array(width * height);
    const columnCells = cellsOf(this.columns, width);
    const rowCells = cellsOf(this.rows, height);
    const stride = this.columns.length;
    // The row's position on each vertical lattice line first, so that each pixel interpolates along the row
    // only (half the arithmetic of a bilinear interpolation per pixel; the same positions up to rounding).
    const lineXs = new Float64Array(stride);
    const lineYs = new Float64Array(stride);
    for (let row = 0; row < height; row++) {
      const j = rowCells.cell[row];
      const j1 = Math.min(j + 1, this.rows.length - 1);
      const b = rowCells.weight[row];
      const top = j * stride;
      const bottom = j1 * stride;
      for (let i = 0; i < stride; i++) {
        lineXs[i] = (1 - b) * nodeXs[top + i] + b * nodeXs[bottom + i];
        lineYs[i] = (1 - b) * nodeYs[top + i] + b * nodeYs[bottom + i];
      }
      for (let column = 0, p = row * width; column < width; column++, p++) {
        const i = columnCells.cell[column];
        const i1 = Math.min(i + 1, stride - 1);
        const a = columnCells.weight[column];
        const u = (1 - a) * lineXs[i] + a * lineXs[i1];
        const v = (1 - a) * lineYs[i] + a * lineYs[i1];
        // Truncation is floor here: u and v are not negative.
        indices[p] =
          u >= 0 && v >= 0 && u < sourceWidth && v < sourceHeight ? (v | 0) * sourceWidth + (u | 0) : -1;
      }
    }
    return indices;
  }

  /** The largest distance, in pixels, between the exact and the interpolated centre of a lattice cell. */
  private maxCentreError(geoTransform: GeoTransform): number {
    const { columns, rows } = this;
    const midColumns: number[] = [];
    const midRows: number[] = [];
    for (let i = 0; i + 1 < columns.length; i++) midColumns.push((columns[i] + columns[i + 1]) / 2);
    for (let j = 0; j + 1 < rows.length; j++) midRows.push((rows[j] + rows[j + 1]) / 2);
    if (midColumns.length === 0 || midRows.length === 0) return 0;
    const [exactXs, exactYs] = transformedCentres(this.target, midColumns, midRows, this.transform);
    toPixelsInPlace(exactXs, exactYs, geoTransform);
    const stride = columns.length;
    let worst = 0;
    for (let j = 0; j < midRows.length; j++) {
      for (let i = 0; i < midColumns.length; i++) {
        const corners = [j * stride + i, j * stride + i + 1, (j + 1) * stride + i, (j + 1) * stride + i + 1];
        const x = corners.reduce((sum, k) => sum + this.xs[k], 0) / 4;
        const y = corners.reduce((sum, k) => sum + this.ys[k], 0) / 4;
        const exact = j * midColumns.length + i;
        const error = Math.max(Math.abs(x - exactXs[exact]), Math.abs(y - exactYs[exact]));
        // A node that does not transform (NaN) while its neighbours do: refine to find the edge.
        if (Number.isNaN(error) && Number.isFinite(exactXs[exact])) return Infinity;
        if (error > worst) worst = error;
      }
    }
    return worst;
  }
}

/** The centres of the pixels at `columns` × `rows` of the target grid, transformed to the source CRS. */
function transformedCentres(
  target: GeoTransform,
  columns: number[],
  rows: number[],
  transform: CoordinateTransformer,
): [Float64Array, Float64Array] {
  const xs = new Float64Array(columns.length * rows.length);
  const ys = new Float64Array(xs.length);
  rows.forEach((row, j) => {
    columns.forEach((column, i) => {
      const px = column + 0.5;
      const py = row + 0.5;
      xs[j * columns.length + i] = target[0] + px * target[1] + py * target[2];
      ys[j * columns.length + i] = target[3] + px * target[4] + py * target[5];
    });
  });
  transform(xs, ys);
  return [xs, ys];
}

/** Source CRS coordinates to continuous pixel coordinates of a raster level, in place. */
function toPixelsInPlace(xs: Float64Array, ys: Float64Array, geoTransform: GeoTransform): void {
  const [x0, a, b, y0, d, e] = geoTransform;
  const determinant = a * e - b * d;
  for (let i = 0; i < xs.length; i++) {
    const dx = xs[i] - x0;
    const dy = ys[i] - y0;
    xs[i] = (e * dx - b * dy) / determinant;
    ys[i] = (-d * dx + a * dy) / determinant;
  }
}

/** Node positions 0, step, 2·step, …, and the last index. */
function nodesOf(size: number, step: number): number[] {
  const nodes: number[] = [];
  for (let i = 0; i < size - 1; i += step) nodes.push(i);
  nodes.push(size - 1);
  return nodes;
}

/** For each pixel index, the lattice cell it falls in and its position (0…1) inside that cell. */
function cellsOf(nodes: number[], size: number): { cell: Int32Array; weight: Float64Array } {
  const cell = new Int32Array(size);
  const weight = new Float64Array(size);
  for (let p = 0, k = 0; p < size; p++) {
    while (k < nodes.length - 2 && p > nodes[k + 1]) k++;
    cell[p] = k;
    weight[p] = nodes.length === 1 ? 0 : (p - nodes[k]) / (nodes[k + 1] - nodes[k]);
  }
  return { cell, weight };
}
