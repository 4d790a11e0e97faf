/**
 * MIDAS robust velocity: Blewitt, Kreemer, Hammond & Gazeaux (2016), "MIDAS robust trend estimator for
 * accurate GPS station velocities without step detection", J. Geophys. Res. Solid Earth 121, 2054-2068,
 * doi:10.1002/2015JB012552.
 *
 * 1. Pairs of epochs one year apart (±0.001 yr) are selected forward in time, then backward in time so the
 *    estimate is time-symmetric; an epoch without an exact partner is paired with the next unused epoch
 *    beyond one year; no pair spans or touches a given step epoch (the paper's §3.2, MIDAS release 2015-10).
 * 2. The median of the pair velocities and their MAD give σ = 1.4826·MAD; pairs beyond 2σ are dropped;
 *    the median and MAD are recomputed.
 * 3. Uncertainty: 3 · √(π/2) · σ / √(N/4), N the number of pairs kept (each epoch is used about 4 times).
 *
 * Pair search uses binary search on the sorted times instead of the original linear scan, so selection is
 * O(m log m); it returns exactly the pairs of the published Fortran `selectpair`.
 */
import { InsituAnalysisError } from '../insitu-errors.js';

/** Tolerance around one year, in years (the published value). */
export const MIDAS_TOLERANCE = 0.001;
const MIN_EPOCHS = 6;
const MIN_PAIRS = 10;

/** Options of {@link midasVelocity}. */
export interface MidasOptions {
  /** Step epochs (decimal years) no pair may span. */
  readonly steps?: readonly number[];
  readonly tolerance?: number;
}

/** Pairs of epoch indices (first earlier than second). */
export interface MidasPairs {
  readonly first: Int32Array;
  readonly second: Int32Array;
  readonly count: number;
}

/** MIDAS estimate for one component, in the units of the values per year. */
export interface MidasResult {
  readonly velocity: number;
  readonly uncertainty: number;
  /** Robust standard deviation of the kept pair velocities (1.4826·MAD). */
  readonly pairVelocityStdDev: number;
  readonly pairCount: number;
  readonly keptPairCount: number;
  /** Value of the trend line at the first epoch (median of value − velocity·(t − t₁)). */
  readonly intercept: number;
  /** Data minus the MIDAS trend line. */
  readonly residuals: Float64Array;
}

/**
 * Selects the MIDAS pairs for strictly increasing times `time` (decimal years).
 * @throws InsituAnalysisError when times are not strictly increasing.
 */
export function selectMidasPairs(time: Float64Array, options: MidasOptions = {}): MidasPairs {
  const m = time.length;
  for (let i = 1; i < m; i++) {
    if (!(time[i] > time[i - 1])) throw new InsituAnalysisError(`times must increase strictly (index ${i})`);
  }
  const tolerance = options.tolerance ?? MIDAS_TOLERANCE;
  const steps = Float64Array.from(options.steps ?? []).sort();
  const first = new Int32Array(2 * m);
  const second = new Int32Array(2 * m);
  const forward = selectForward(time, steps, tolerance, first, second, 0);
  const backwardTime = new Float64Array(m);
  for (let i = 0; i < m; i++) backwardTime[i] = -time[m - 1 - i];
  const backwardSteps = steps.map((_, k) => -steps[steps.length - 1 - k]);
  const count = selectForward(backwardTime, backwardSteps, tolerance, first, second, forward);
  for (let k = forward; k < count; k++) {
    const i = first[k];
    first[k] = m - 1 - second[k];
    second[k] = m - 1 - i;
  }
  return { first, second, count };
}

/**
 * MIDAS velocity of one component.
 * @param time decimal years, strictly increasing.
 * @throws InsituAnalysisError when the series is shorter than 6 epochs, spans less than about a year, or
 * yields fewer than 10 pairs.
 * @example const { velocity, uncertainty } = midasVelocity(series.decimalYear, series.east);
 */
export function midasVelocity(
  time: Float64Array,
  values: Float64Array,
  options: MidasOptions = {},
): MidasResult {
  return midasFromPairs(time, values, selectMidasPairs(time, options));
}

/** MIDAS statistics from pairs already selected (lets three components share one selection). */
export function midasFromPairs(time: Float64Array, values: Float64Array, pairs: MidasPairs): MidasResult {
  const m = time.length;
  if (m < MIN_EPOCHS) throw new InsituAnalysisError(`MIDAS needs at least ${MIN_EPOCHS} epochs, got ${m}`);
  const span = time[m - 1] - time[0];
  if (span < 1 + MIN_EPOCHS / 365.25 + MIDAS_TOLERANCE) {
    throw new InsituAnalysisError(`MIDAS needs more than one year of data, got ${span.toFixed(3)} yr`);
  }
  if (pairs.count < MIN_PAIRS) {
    throw new InsituAnalysisError(`MIDAS needs at least ${MIN_PAIRS} one-year pairs, got ${pairs.count}`);
  }
  const velocities = new Float64Array(pairs.count);
  for (let k = 0; k < pairs.count; k++) {
    const i = pairs.first[k];
    const j = pairs.second[k];
    velocities[k] = (values[j] - values[i]) / (time[j] - time[i]);
  }
  const firstMedian = median(velocities);
  const firstSigma = 1.4826 * medianAbsoluteDeviation(velocities, firstMedian);
  const kept = velocities.filter((v) => Math.abs(v - firstMedian) < 2 * firstSigma);
  // All pair velocities equal (noise-free data) gives σ = 0 and an empty trimmed set: keep them all.
  const trimmed = kept.length > 0 ? kept : velocities;
  const velocity = median(trimmed);
  const sigma = 1.4826 * medianAbsoluteDeviation(trimmed, velocity);
  const uncertainty = 3 * Math.sqrt(Math.PI / 2) * (sigma / Math.sqrt(trimmed.length / 4));
  const residuals = new Float64Array(m);
  for (let i = 0; i < m; i++) residuals[i] = values[i] - velocity * (time[i] - time[0]);
  const intercept = median(residuals);
  for (let i = 0; i < m; i++) residuals[i] -= intercept;
  return {
    velocity,
    uncertainty,
    pairVelocityStdDev: sigma,
    pairCount: pairs.count,
    keptPairCount: trimmed.length,
    intercept,
    residuals,
  };
}

/**
 * One direction of the Fortran `selectpair`, 0-based. `k` is the "next unused partner" cursor.
 * Writes pairs from index `start` and returns the new pair count.
 */
function selectForward(
  t: Float64Array,
  steps: Float64Array,
  tol: number,
  first: Int32Array,
  second: Int32Array,
  start: number,
): number {
  const m = t.length;
  let n = start;
  let k = -1;
  let step = 0;
  for (let i = 0; i < m; i++) {
    if (t[i] > t[m - 1] + tol - 1) break;
    while (step < steps.length && !(t[i] < steps[step] + tol)) step++;
    const hasStep = step < steps.length;
    if (hasStep && t[i] > steps[step] + tol - 1) continue;
    // Partners before `lower` are less than one year away; the Fortran loop only moved k past them.
    const lower = firstIndex(t, i + 1, (j) => t[j] - t[i] - 1 >= -tol);
    const stepIndex = hasStep ? firstIndex(t, i + 1, (j) => t[j] > steps[step] - tol) : m;
    if (stepIndex < lower) {
      k = Math.max(k, stepIndex);
      continue;
    }
    if (lower > i + 1) k = Math.max(k, lower - 1);
    for (let j = lower; j < m; j++) {
      if (k < j) k = j;
      if (hasStep && t[j] > steps[step] - tol) break;
      let partner: number;
      if (t[j] - t[i] - 1 < tol) {
        partner = j;
      } else {
        partner = k;
        if (hasStep && t[partner] > steps[step] - tol) {
          k = -1;
          continue;
        }
        if (k === m - 1) k = -1;
        k++;
      }
      first[n] = i;
      second[n] = partner;
      n++;
      break;
    }
  }
  return n;
}

/** Smallest index j in [from, t.length) with `predicate(j)` true, predicate being monotone; t.length if none. */
function firstIndex(t: Float64Array, from: number, predicate: (j: number) => boolean): number {
  let low = from;
  let high = t.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (predicate(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * Median of a Float64Array (mean of the two middle values for even lengths); does not modify its input.
 * Quickselect (Hoare's FIND) on a copy: O(n) on average, where sorting would be O(n log n).
 */
export function median(values: Float64Array): number {
  const n = values.length;
  if (n === 0) return NaN;
  const work = values.slice();
  const half = n >> 1;
  const upper = select(work, half);
  if (n % 2 === 1) return upper;
  // After selecting index `half`, everything before it is ≤ work[half]: the lower middle is their maximum.
  let lower = -Infinity;
  for (let i = 0; i < half; i++) if (work[i] > lower) lower = work[i];
  return 0.5 * (lower + upper);
}

/** Rearranges `a` so that a[k] is the k-th smallest value, smaller ones before it, and returns it. */
function select(a: Float64Array, k: number): number {
  let left = 0;
  let right = a.length - 1;
  while (right > left) {
    const pivot = a[(left + right) >> 1];
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const swap = a[i];
        a[i] = a[j];
        a[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return a[k];
}

function medianAbsoluteDeviation(values: Float64Array, center: number): number {
  return median(values.map((v) => Math.abs(v - center)));
}
