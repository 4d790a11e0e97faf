/**
 * Weighted linear least squares by Householder QR over Float64Array.
 *
 * Why our own code: the problems here are tall and thin (thousands of epochs, 4 to ~20 parameters), so a
 * dense QR costs O(n·p²) and takes well under a millisecond per thousand epochs; pulling in a linear-algebra
 * package (or WASM LAPACK) for one solver is not worth the dependency. QR is used rather than the normal
 * equations AᵀWA because forming AᵀWA squares the condition number, and trajectory models with several
 * steps and seasonal terms over short spans are badly enough conditioned for that to cost digits.
 * Reference: Golub & Van Loan, Matrix Computations (4th ed.), §5.2 (Householder QR) and §5.3.
 */
import { InsituAnalysisError } from '../insitu-errors.js';

/** A design matrix of `rows` × `columns`, stored column by column (`values[column * rows + row]`). */
export interface DesignMatrix {
  readonly rows: number;
  readonly columns: number;
  readonly values: Float64Array;
  /** Parameter names, used in error messages. */
  readonly names: readonly string[];
}

/** Result of {@link solveWeightedLeastSquares}. */
export interface LeastSquaresSolution {
  readonly parameters: Float64Array;
  /** Covariance of the parameters from the a-priori weights, `columns × columns`, row-major. */
  readonly covariance: Float64Array;
  /** Weighted sum of squared residuals (χ²). */
  readonly chiSquare: number;
  readonly degreesOfFreedom: number;
}

/**
 * Minimises Σ wᵢ (yᵢ − (A x)ᵢ)². Weights are 1/σ²; omit them for ordinary least squares.
 * The design matrix is not modified.
 * @throws InsituAnalysisError when there are fewer observations than parameters or a parameter is not
 * determined by the data (a column is, to 1e-10 relative precision, a combination of the previous ones).
 */
export function solveWeightedLeastSquares(
  design: DesignMatrix,
  observations: Float64Array,
  weights?: Float64Array,
): LeastSquaresSolution {
  const { rows: n, columns: p } = design;
  if (n < p) {
    throw new InsituAnalysisError(`${n} observations cannot determine ${p} parameters`);
  }
  const a = design.values.slice();
  const b = observations.slice();
  if (weights !== undefined) {
    for (let i = 0; i < n; i++) {
      const w = Math.sqrt(weights[i]);
      b[i] *= w;
      for (let j = 0; j < p; j++) a[j * n + i] *= w;
    }
  }
  const diagonal = new Float64Array(p);
  const v = new Float64Array(n);
  for (let k = 0; k < p; k++) {
    const column = k * n;
    let columnNorm = 0;
    for (let i = 0; i < n; i++) columnNorm += a[column + i] * a[column + i];
    let norm = 0;
    for (let i = k; i < n; i++) norm += a[column + i] * a[column + i];
    norm = Math.sqrt(norm);
    if (!(norm > 1e-10 * Math.sqrt(columnNorm))) {
      throw new InsituAnalysisError(
        `parameter '${design.names[k]}' is not determined by the data (for a step: no data on one side of it)`,
      );
    }
    const alpha = a[column + k] > 0 ? -norm : norm;
    let vNorm2 = 0;
    for (let i = k; i < n; i++) {
      v[i] = a[column + i] - (i === k ? alpha : 0);
      vNorm2 += v[i] * v[i];
    }
    for (let j = k + 1; j < p; j++) reflect(a, j * n, v, k, n, vNorm2);
    reflect(b, 0, v, k, n, vNorm2);
    diagonal[k] = alpha;
  }
  // Back substitution on R x = Qᵀb, R being the upper triangle of `a` with `diagonal` on its diagonal.
  const r = (i: number, j: number): number => (i === j ? diagonal[i] : a[j * n + i]);
  const parameters = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let sum = b[i];
    for (let j = i + 1; j < p; j++) sum -= r(i, j) * parameters[j];
    parameters[i] = sum / r(i, i);
  }
  let chiSquare = 0;
  for (let i = p; i < n; i++) chiSquare += b[i] * b[i];
  // Covariance (AᵀWA)⁻¹ = R⁻¹ R⁻ᵀ.
  const rInverse = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    rInverse[j * p + j] = 1 / r(j, j);
    for (let i = j - 1; i >= 0; i--) {
      let sum = 0;
      for (let k = i + 1; k <= j; k++) sum += r(i, k) * rInverse[k * p + j];
      rInverse[i * p + j] = -sum / r(i, i);
    }
  }
  const covariance = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = i; j < p; j++) {
      let sum = 0;
      for (let k = j; k < p; k++) sum += rInverse[i * p + k] * rInverse[j * p + k];
      covariance[i * p + j] = sum;
      covariance[j * p + i] = sum;
    }
  }
  return { parameters, covariance, chiSquare, degreesOfFreedom: n - p };
}

/** Applies the Householder reflection I − 2vvᵀ/(vᵀv) (v non-zero from index k) to x[offset + k..]. */
function reflect(
  x: Float64Array,
  offset: number,
  v: Float64Array,
  k: number,
  n: number,
  vNorm2: number,
): void {
  let dot = 0;
  for (let i = k; i < n; i++) dot += v[i] * x[offset + i];
  const factor = (2 * dot) / vNorm2;
  for (let i = k; i < n; i++) x[offset + i] -= factor * v[i];
}
