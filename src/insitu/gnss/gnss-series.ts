/**
 * The in-memory form of one GNSS position time series, whatever file format it came from.
 */
import type { Cartesian, Geodetic } from './geodetic-conversions.js';
import { epochMsToDecimalYear } from './gnss-time.js';

/** File formats the GNSS parsers understand. */
export type GnssFormat = 'pbo-pos' | 'ngl-tenv3' | 'spotgins-enu' | 'sopac-neu' | 'jpl-series' | 'synthetic';

/**
 * A daily (or other rate) East/North/Up position series of one station and one processing solution.
 * All arrays have the same length, are sorted by strictly increasing time and hold metres.
 * East/North/Up are displacements from the file's reference position (or from the first epoch when the
 * format has none, see each parser). A missing sigma is NaN.
 */
export interface GnssSeries {
  readonly station: string;
  readonly format: GnssFormat;
  /** Reference frame declared by the file (e.g. `IGS08`, `IGS20`), when it declares one. */
  readonly referenceFrame?: string;
  /** Geocentric reference position the displacements are measured from, when the file gives one. */
  readonly referencePosition?: Cartesian;
  /** Geodetic reference position (degrees, metres), when the file gives one. */
  readonly referenceGeodetic?: Geodetic;
  readonly epochMs: Float64Array;
  readonly decimalYear: Float64Array;
  readonly east: Float64Array;
  readonly north: Float64Array;
  readonly up: Float64Array;
  readonly sigmaEast: Float64Array;
  readonly sigmaNorth: Float64Array;
  readonly sigmaUp: Float64Array;
}

/** Names of the three position components, in the order E, N, U. */
export const GNSS_COMPONENTS = ['east', 'north', 'up'] as const;
export type GnssComponent = (typeof GNSS_COMPONENTS)[number];

/**
 * Collects rows of a series while a parser reads a file, then hands out trimmed typed arrays.
 * Capacity is fixed up front (the number of lines of the file is an upper bound on the number of rows).
 */
export class GnssSeriesBuilder {
  private count = 0;
  private readonly epochMs: Float64Array;
  private readonly columns: Float64Array[];

  constructor(capacity: number) {
    this.epochMs = new Float64Array(capacity);
    this.columns = Array.from({ length: 6 }, () => new Float64Array(capacity));
  }

  /** Number of rows added so far. */
  get length(): number {
    return this.count;
  }

  /** Epoch of the last row added, or -Infinity before the first row. */
  get lastEpochMs(): number {
    return this.count === 0 ? -Infinity : this.epochMs[this.count - 1];
  }

  /** Adds one epoch: E, N, U and their sigmas, in metres. */
  add(epochMs: number, values: readonly [number, number, number, number, number, number]): void {
    this.epochMs[this.count] = epochMs;
    for (let c = 0; c < 6; c++) this.columns[c][this.count] = values[c];
    this.count++;
  }

  /** Finishes the series. */
  build(
    header: Pick<
      GnssSeries,
      'station' | 'format' | 'referenceFrame' | 'referencePosition' | 'referenceGeodetic'
    >,
  ): GnssSeries {
    const n = this.count;
    const epochMs = this.epochMs.slice(0, n);
    const decimalYear = new Float64Array(n);
    for (let i = 0; i < n; i++) decimalYear[i] = epochMsToDecimalYear(epochMs[i]);
    const [east, north, up, sigmaEast, sigmaNorth, sigmaUp] = this.columns.map((column) =>
      column.slice(0, n),
    );
    return { ...header, epochMs, decimalYear, east, north, up, sigmaEast, sigmaNorth, sigmaUp };
  }
}
