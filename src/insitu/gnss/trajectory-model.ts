/**
 * The standard GNSS trajectory model fitted to one position component:
 *
 *   x(t) = offset + velocity·(t − t₀)
 *        + S₁ sin 2π(t − t₀) + C₁ cos 2π(t − t₀)          (annual)
 *        + S₂ sin 4π(t − t₀) + C₂ cos 4π(t − t₀)          (semi-annual)
 *        + Σₖ stepₖ · H(t − tₖ)                            (Heaviside steps at equipment changes, earthquakes)
 *
 * with t in decimal years, fitted by weighted least squares (weights 1/σ²). See Bevis & Brown (2014),
 * "Trajectory models and reference frames for crustal motion geodesy", J. Geod. 88, 283-311.
 */
import { InsituAnalysisError } from '../insitu-errors.js';
import { solveWeightedLeastSquares } from './weighted-least-squares.js';

/** What to include in the model. */
export interface TrajectoryModelOptions {
  /** Include annual sin/cos terms (default true). */
  readonly annual?: boolean;
  /** Include semi-annual sin/cos terms (default true). */
  readonly semiAnnual?: boolean;
  /** Epochs (decimal years) of steps; a step applies from its epoch on (t ≥ tₖ). Default none. */
  readonly steps?: readonly number[];
  /** t₀ in decimal years, the epoch of `offset` and of the seasonal phases. Default: the first epoch. */
  readonly referenceEpoch?: number;
}

/** A fitted model: every parameter, its formal error, and the fit statistics. */
export interface TrajectoryFit {
  readonly referenceEpoch: number;
  readonly names: readonly string[];
  readonly parameters: Float64Array;
  /** Formal errors from the given sigmas (a-priori, not rescaled). */
  readonly formalErrors: Float64Array;
  /** Formal errors rescaled by √(χ²/dof), as most GNSS software reports them. */
  readonly scaledErrors: Float64Array;
  readonly offset: number;
  readonly velocity: number;
  readonly velocityError: number;
  /** Amplitudes √(S²+C²) of the seasonal terms (NaN when not in the model). */
  readonly annualAmplitude: number;
  readonly semiAnnualAmplitude: number;
  readonly steps: readonly { readonly epoch: number; readonly size: number; readonly error: number }[];
  readonly chiSquare: number;
  readonly degreesOfFreedom: number;
  /** Weighted root mean square of the residuals. */
  readonly wrms: number;
  /** Data minus model, one per epoch. */
  readonly residuals: Float64Array;
  readonly options: Required<Omit<TrajectoryModelOptions, 'referenceEpoch'>>;
}

/**
 * Fits the trajectory model to `values` at times `time` (decimal years), weighting by 1/σ² when `sigmas`
 * are given (a non-positive or NaN sigma drops that epoch's weight to zero, i.e. ignores it).
 * @throws InsituAnalysisError when the data cannot determine a parameter (e.g. a step with no data after it).
 * @example const fit = fitTrajectory(series.decimalYear, series.up, series.sigmaUp, { steps: [2011.29] });
 */
export function fitTrajectory(
  time: Float64Array,
  values: Float64Array,
  sigmas: Float64Array | undefined,
  options: TrajectoryModelOptions = {},
): TrajectoryFit {
  if (time.length !== values.length || (sigmas !== undefined && sigmas.length !== values.length)) {
    throw new InsituAnalysisError('time, values and sigmas must have the same length');
  }
  const resolved = {
    annual: options.annual ?? true,
    semiAnnual: options.semiAnnual ?? true,
    steps: options.steps ?? [],
  };
  const referenceEpoch = options.referenceEpoch ?? time[0];
  const names = parameterNames(resolved);
  const n = time.length;
  const design = new Float64Array(n * names.length);
  for (let i = 0; i < n; i++) {
    const row = basisRow(time[i], referenceEpoch, resolved);
    for (let j = 0; j < row.length; j++) design[j * n + i] = row[j];
  }
  let weights: Float64Array | undefined;
  if (sigmas !== undefined) {
    weights = new Float64Array(n);
    for (let i = 0; i < n; i++) weights[i] = sigmas[i] > 0 ? 1 / (sigmas[i] * sigmas[i]) : 0;
  }
  const solution = solveWeightedLeastSquares(
    { rows: n, columns: names.length, values: design, names },
    values,
    weights,
  );
  const p = names.length;
  const formalErrors = new Float64Array(p);
  for (let j = 0; j < p; j++) formalErrors[j] = Math.sqrt(solution.covariance[j * p + j]);
  const varianceFactor = solution.degreesOfFreedom > 0 ? solution.chiSquare / solution.degreesOfFreedom : NaN;
  const scaledErrors = formalErrors.map((e) => e * Math.sqrt(varianceFactor));
  const model = { referenceEpoch, parameters: solution.parameters, options: resolved };
  const residuals = new Float64Array(n);
  let sumWeights = 0;
  for (let i = 0; i < n; i++) {
    residuals[i] = values[i] - evaluateTrajectory(model, time[i]);
    sumWeights += weights === undefined ? 1 : weights[i];
  }
  const index = (name: string): number => names.indexOf(name);
  const amplitude = (s: string, c: string): number =>
    index(s) < 0 ? NaN : Math.hypot(solution.parameters[index(s)], solution.parameters[index(c)]);
  const firstStep = names.length - resolved.steps.length;
  return {
    referenceEpoch,
    names,
    parameters: solution.parameters,
    formalErrors,
    scaledErrors,
    offset: solution.parameters[0],
    velocity: solution.parameters[1],
    velocityError: formalErrors[1],
    annualAmplitude: amplitude('annualSin', 'annualCos'),
    semiAnnualAmplitude: amplitude('semiAnnualSin', 'semiAnnualCos'),
    steps: resolved.steps.map((epoch, k) => ({
      epoch,
      size: solution.parameters[firstStep + k],
      error: formalErrors[firstStep + k],
    })),
    chiSquare: solution.chiSquare,
    degreesOfFreedom: solution.degreesOfFreedom,
    wrms: Math.sqrt(solution.chiSquare / sumWeights),
    residuals,
    options: resolved,
  };
}

/** Value of a fitted model at time `t` (decimal years). */
export function evaluateTrajectory(
  model: Pick<TrajectoryFit, 'referenceEpoch' | 'parameters' | 'options'>,
  t: number,
): number {
  const row = basisRow(t, model.referenceEpoch, model.options);
  let sum = 0;
  for (let j = 0; j < row.length; j++) sum += row[j] * model.parameters[j];
  return sum;
}

/**
 * Removes only the linear trend `offset + velocity·(t − t₀)` from a series, keeping seasonal terms and steps:
 * what a plotter's "detrend" toggle shows. Use {@link TrajectoryFit.residuals} to remove the whole model.
 */
export function removeTrend(
  time: Float64Array,
  values: Float64Array,
  velocity: number,
  referenceEpoch: number,
  offset = 0,
): Float64Array {
  const detrended = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++)
    detrended[i] = values[i] - offset - velocity * (time[i] - referenceEpoch);
  return detrended;
}

function parameterNames(options: Required<Omit<TrajectoryModelOptions, 'referenceEpoch'>>): string[] {
  const names = ['offset', 'velocity'];
  if (options.annual) names.push('annualSin', 'annualCos');
  if (options.semiAnnual) names.push('semiAnnualSin', 'semiAnnualCos');
  options.steps.forEach((epoch) => names.push(`step@${epoch}`));
  return names;
}

function basisRow(
  t: number,
  t0: number,
  options: Required<Omit<TrajectoryModelOptions, 'referenceEpoch'>>,
): number[] {
  const dt = t - t0;
  const row = [1, dt];
  if (options.annual) row.push(Math.sin(2 * Math.PI * dt), Math.cos(2 * Math.PI * dt));
  if (options.semiAnnual) row.push(Math.sin(4 * Math.PI * dt), Math.cos(4 * Math.PI * dt));
  for (const epoch of options.steps) row.push(t >= epoch ? 1 : 0);
  return row;
}
