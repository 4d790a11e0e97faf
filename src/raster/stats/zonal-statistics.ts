import type { RasterArray } from '../raster-types.js';

/** Statistics of the valid pixels of one band inside a zone. */
export interface BandStatistics {
  count: number;
  min: number | null;
  max: number | null;
  mean: number | null;
  /** Population standard deviation (numpy's default, ddof = 0). */
  std: number | null;
  /** Percentile → value, with numpy's default linear interpolation between ranks. */
  percentiles: Record<string, number>;
  /** `bins` + 1 edges and `bins` counts over [min, max], the last bin closed (numpy.histogram). */
  histogram: { edges: number[]; counts: number[] };
  /** For categorical rasters: class value → pixel count and area in CRS units² (pixel area × count). */
  classes?: Record<string, { count: number; area: number }>;
}

/** Options of {@link summarizeBand}. */
export interface SummaryOptions {
  nodata: number | null;
  percentiles?: number[];
  bins?: number;
  /** Count pixels per distinct value (land-cover classes). */
  categorical?: boolean;
  /** Area of one pixel, for class areas. */
  pixelArea?: number;
}

/**
 * Summarises the values of `band` where `mask` is set and the value is not nodata (nor NaN). Pure.
 */
export function summarizeBand(band: RasterArray, mask: Uint8Array, options: SummaryOptions): BandStatistics {
  const values: number[] = [];
  const { nodata } = options;
  for (let i = 0; i < band.length; i++) {
    if (!mask[i]) continue;
    const value = band[i];
    if (Number.isNaN(value) || value === nodata) continue;
    values.push(value);
  }
  values.sort((a, b) => a - b);
  const count = values.length;
  const percentiles = options.percentiles ?? [2, 25, 50, 75, 98];
  const bins = options.bins ?? 10;
  if (count === 0) {
    return {
      count,
      min: null,
      max: null,
      mean: null,
      std: null,
      percentiles: {},
      histogram: { edges: [], counts: [] },
    };
  }
  let sum = 0;
  for (const value of values) sum += value;
  const mean = sum / count;
  let squares = 0;
  for (const value of values) squares += (value - mean) ** 2;
  const min = values[0];
  const max = values[count - 1];
  const result: BandStatistics = {
    count,
    min,
    max,
    mean,
    std: Math.sqrt(squares / count),
    percentiles: Object.fromEntries(percentiles.map((p) => [String(p), percentileOfSorted(values, p)])),
    histogram: histogram(values, min, max, bins),
  };
  if (options.categorical) {
    const classes: Record<string, { count: number; area: number }> = {};
    for (const value of values) {
      const entry = (classes[String(value)] ??= { count: 0, area: 0 });
      entry.count += 1;
    }
    for (const entry of Object.values(classes)) entry.area = entry.count * (options.pixelArea ?? 1);
    result.classes = classes;
  }
  return result;
}

/** numpy.percentile (linear method) of sorted values. */
export function percentileOfSorted(sorted: number[], percentile: number): number {
  const rank = (percentile / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.min(sorted.length - 1, low + 1);
  return sorted[low] + (rank - low) * (sorted[high] - sorted[low]);
}

function histogram(
  sorted: number[],
  min: number,
  max: number,
  bins: number,
): { edges: number[]; counts: number[] } {
  const span = max - min || 1;
  const lower = max === min ? min - 0.5 : min;
  const width = max === min ? 1 / bins : span / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => lower + i * width);
  const counts = new Array<number>(bins).fill(0);
  for (const value of sorted) counts[Math.min(bins - 1, Math.floor((value - lower) / width))] += 1;
  return { edges, counts };
}
