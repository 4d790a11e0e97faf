import { describe, expect, it } from 'vitest';
import { InsituAnalysisError } from '../../../src/insitu/insitu-errors.js';
import { solveWeightedLeastSquares } from '../../../src/insitu/gnss/weighted-least-squares.js';
import { seededRandom } from './gnss-fixtures.js';

/** Column-major design matrix of a straight line a + b·t. */
function lineDesign(t: number[]): Float64Array {
  return Float64Array.from([...t.map(() => 1), ...t]);
}

describe('weighted least squares (Householder QR)', () => {
  it('matches the closed-form weighted straight-line fit and its covariance', () => {
    const random = seededRandom(7);
    const t = Array.from({ length: 200 }, (_, i) => i / 20);
    const w = t.map(() => 0.5 + random.uniform() * 4);
    const y = t.map((ti) => 3 - 1.5 * ti + random.normal() * 0.1);
    const solution = solveWeightedLeastSquares(
      { rows: t.length, columns: 2, values: lineDesign(t), names: ['a', 'b'] },
      Float64Array.from(y),
      Float64Array.from(w),
    );
    // Closed form (e.g. Press et al., Numerical Recipes §15.2): Δ = S·Stt − St².
    const sum = (f: (i: number) => number): number => t.reduce((acc, _, i) => acc + f(i), 0);
    const S = sum((i) => w[i]);
    const St = sum((i) => w[i] * t[i]);
    const Sy = sum((i) => w[i] * y[i]);
    const Stt = sum((i) => w[i] * t[i] * t[i]);
    const Sty = sum((i) => w[i] * t[i] * y[i]);
    const delta = S * Stt - St * St;
    expect(solution.parameters[0]).toBeCloseTo((Stt * Sy - St * Sty) / delta, 10);
    expect(solution.parameters[1]).toBeCloseTo((S * Sty - St * Sy) / delta, 10);
    expect(solution.covariance[0]).toBeCloseTo(Stt / delta, 12);
    expect(solution.covariance[3]).toBeCloseTo(S / delta, 12);
    expect(solution.covariance[1]).toBeCloseTo(-St / delta, 12);
    const chi = sum((i) => w[i] * (y[i] - solution.parameters[0] - solution.parameters[1] * t[i]) ** 2);
    expect(solution.chiSquare).toBeCloseTo(chi, 9);
    expect(solution.degreesOfFreedom).toBe(198);
  });

  it('fits an exact cubic to machine precision', () => {
    const t = Array.from({ length: 50 }, (_, i) => i - 25);
    const values = Float64Array.from([
      ...t.map(() => 1),
      ...t,
      ...t.map((x) => x * x),
      ...t.map((x) => x ** 3),
    ]);
    const y = Float64Array.from(t.map((x) => 2 - x + 0.5 * x * x + 0.01 * x ** 3));
    const solution = solveWeightedLeastSquares(
      { rows: 50, columns: 4, values, names: ['c0', 'c1', 'c2', 'c3'] },
      y,
    );
    [2, -1, 0.5, 0.01].forEach((expected, i) => expect(solution.parameters[i]).toBeCloseTo(expected, 10));
    expect(solution.chiSquare).toBeLessThan(1e-18);
  });

  it('names the parameter the data cannot determine', () => {
    const t = [0, 1, 2, 3];
    const values = Float64Array.from([...lineDesign(t), 0, 0, 0, 0]);
    expect(() =>
      solveWeightedLeastSquares(
        { rows: 4, columns: 3, values, names: ['a', 'b', 'step@5'] },
        Float64Array.from(t),
      ),
    ).toThrow(/parameter 'step@5' is not determined/);
    expect(() =>
      solveWeightedLeastSquares(
        { rows: 1, columns: 2, values: lineDesign([0]), names: ['a', 'b'] },
        Float64Array.of(1),
      ),
    ).toThrow(InsituAnalysisError);
  });
});
