/**
 * Synthetic GNSS position series with a known truth, for the demo centre and benchmarks: a linear
 * velocity, annual and semi-annual terms, steps (equipment changes), volcanic inflation ramps, gaps and
 * noise (white plus a first-order autoregressive part, which makes formal errors optimistic as real
 * series do). Every value comes from the caller's random source, so series are reproducible.
 */
import { epochMsToDecimalYear } from '../gnss/gnss-time.js';

type Enu = readonly [number, number, number];

/** The signal of one station, in metres and metres per year. */
export interface SyntheticGnssTruth {
  readonly velocity: Enu;
  /** Annual and semi-annual [sin, cos] amplitudes per component, phases referenced to 1 January. */
  readonly annual: readonly [Enu, Enu];
  readonly semiAnnual: readonly [Enu, Enu];
  /** Offsets from a given epoch on (equipment changes). */
  readonly steps: readonly { readonly time: number; readonly offset: Enu }[];
  /** Linear ramps from `start` to `end` reaching `offset`, which then stays (inflation before an eruption). */
  readonly ramps: readonly { readonly start: number; readonly end: number; readonly offset: Enu }[];
}

/** Noise levels in metres: white standard deviation, and the AR(1) part with its day-to-day correlation. */
export interface SyntheticGnssNoise {
  readonly white: Enu;
  readonly correlated: Enu;
  readonly correlation: number;
}

/** A synthetic series: epochs (ms) and E/N/U with the sigmas a processing centre would report. */
export interface SyntheticGnssSeries {
  readonly epochMs: Float64Array;
  readonly east: Float64Array;
  readonly north: Float64Array;
  readonly up: Float64Array;
  readonly sigmaEast: Float64Array;
  readonly sigmaNorth: Float64Array;
  readonly sigmaUp: Float64Array;
}

/** Noise-free position of the truth at `time` (epoch ms), relative to `referenceTime`. */
export function truthAt(
  truth: SyntheticGnssTruth,
  time: number,
  referenceTime: number,
): [number, number, number] {
  const t = epochMsToDecimalYear(time);
  const dt = t - epochMsToDecimalYear(referenceTime);
  const phase = 2 * Math.PI * (t - Math.floor(t));
  const position: [number, number, number] = [0, 0, 0];
  for (let c = 0; c < 3; c++) {
    position[c] =
      truth.velocity[c] * dt +
      truth.annual[0][c] * Math.sin(phase) +
      truth.annual[1][c] * Math.cos(phase) +
      truth.semiAnnual[0][c] * Math.sin(2 * phase) +
      truth.semiAnnual[1][c] * Math.cos(2 * phase);
    for (const step of truth.steps) if (time >= step.time) position[c] += step.offset[c];
    for (const ramp of truth.ramps) {
      if (time >= ramp.end) position[c] += ramp.offset[c];
      else if (time > ramp.start)
        position[c] += (ramp.offset[c] * (time - ramp.start)) / (ramp.end - ramp.start);
    }
  }
  return position;
}

/**
 * Daily positions at 12:00 UTC from `startMs` to `endMs`, skipping days for which `isGap` is true.
 * @param normal a standard normal random source.
 */
export function synthesizeGnssSeries(
  truth: SyntheticGnssTruth,
  noise: SyntheticGnssNoise,
  startMs: number,
  endMs: number,
  normal: () => number,
  isGap: (dayIndex: number) => boolean = () => false,
): SyntheticGnssSeries {
  const day = 86_400_000;
  const first = Math.floor(startMs / day) * day + day / 2;
  const epochs: number[] = [];
  for (let t = first, i = 0; t <= endMs; t += day, i++) if (!isGap(i)) epochs.push(t);
  const n = epochs.length;
  const columns = Array.from({ length: 6 }, () => new Float64Array(n));
  const state = [0, 0, 0];
  const innovation = Math.sqrt(1 - noise.correlation * noise.correlation);
  for (let i = 0; i < n; i++) {
    const position = truthAt(truth, epochs[i], first);
    for (let c = 0; c < 3; c++) {
      state[c] = noise.correlation * state[c] + innovation * noise.correlated[c] * normal();
      columns[c][i] = position[c] + state[c] + noise.white[c] * normal();
      // Reported sigmas vary from day to day around the white-noise level, as real solutions do.
      columns[3 + c][i] = noise.white[c] * (0.8 + (0.4 * Math.abs(normal())) / 2);
    }
  }
  const [east, north, up, sigmaEast, sigmaNorth, sigmaUp] = columns;
  return { epochMs: Float64Array.from(epochs), east, north, up, sigmaEast, sigmaNorth, sigmaUp };
}
