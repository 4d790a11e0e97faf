import { describe, expect, it } from 'vitest';
import {
  MIDAS_TOLERANCE,
  median,
  midasFromPairs,
  midasVelocity,
  selectMidasPairs,
} from '../../../src/insitu/gnss/midas-velocity.js';
import { parseSopacNeu } from '../../../src/insitu/gnss/sopac-neu-parser.js';
import { readGnssFixture, seededRandom, syntheticComponent } from './gnss-fixtures.js';

/**
 * Straight transcription of the published Fortran `selectpair` (MIDAS release, Blewitt 2015), 1-based
 * indices kept, linear scan: the reference our binary-search selection must reproduce pair for pair.
 */
function referenceSelectPair(t: number[], tstep: number[], tol: number): [number, number][] {
  const m = t.length;
  const T = (i: number): number => t[i - 1];
  const S = (i: number): number => tstep[i - 1];
  const nstep = tstep.length;
  const pairs: [number, number][] = [];
  let k = 0;
  let istep = 1;
  for (let i = 1; i <= m; i++) {
    if (T(i) > T(m) + tol - 1) break;
    for (;;) {
      if (istep > nstep) break;
      if (T(i) < S(istep) + tol) break;
      istep++;
    }
    if (istep <= nstep && T(i) > S(istep) + tol - 1) continue;
    for (let j = i + 1; j <= m; j++) {
      if (k < j) k = j;
      if (istep <= nstep && T(j) > S(istep) - tol) break;
      const fdt = T(j) - T(i) - 1;
      if (fdt < -tol) continue;
      let i2: number;
      if (fdt < tol) {
        i2 = j;
      } else {
        i2 = k;
        if (istep <= nstep && T(i2) > S(istep) - tol) {
          k = 0;
          continue;
        }
        if (k === m) k = 0;
        k++;
      }
      pairs.push([i - 1, i2 - 1]);
      break;
    }
  }
  return pairs;
}

function referencePairs(t: number[], steps: number[]): string[] {
  const forward = referenceSelectPair(t, steps, MIDAS_TOLERANCE);
  const m = t.length;
  const backward = referenceSelectPair(
    t.map((_, i) => -t[m - 1 - i]),
    steps.map((_, i) => -steps[steps.length - 1 - i]),
    MIDAS_TOLERANCE,
  ).map(([i, j]) => [m - 1 - j, m - 1 - i]);
  return [...forward, ...backward].map(([i, j]) => `${i}-${j}`);
}

describe('MIDAS pair selection', () => {
  it('reproduces the published selectpair on irregular, gappy data with steps', () => {
    const random = seededRandom(3);
    for (let trial = 0; trial < 5; trial++) {
      const t: number[] = [];
      let time = 2005 + random.uniform();
      while (time < 2013) {
        t.push(time);
        // Mostly daily, with gaps of up to 4 months and a campaign-like stretch.
        time +=
          random.uniform() < 0.01
            ? random.uniform() * 0.33
            : 1 / 365.25 + (random.uniform() < 0.3 ? 1 / 365.25 : 0);
      }
      const steps = [2007.2 + random.uniform(), 2010.1 + random.uniform() * 0.5];
      const pairs = selectMidasPairs(Float64Array.from(t), { steps });
      const ours = Array.from({ length: pairs.count }, (_, k) => `${pairs.first[k]}-${pairs.second[k]}`);
      expect(ours).toEqual(referencePairs(t, steps));
    }
  });

  it('never pairs across a step', () => {
    const data = syntheticComponent(4, 8, 0.001);
    const pairs = selectMidasPairs(data.time, { steps: [2013.4] });
    for (let k = 0; k < pairs.count; k++) {
      const crosses = data.time[pairs.first[k]] < 2013.4 && data.time[pairs.second[k]] >= 2013.4;
      expect(crosses).toBe(false);
    }
  });
});

describe('MIDAS velocity', () => {
  it('recovers the velocity of a synthetic series with seasonal terms, noise and known steps', () => {
    const data = syntheticComponent(5, 12, 0.002);
    const result = midasVelocity(data.time, data.values, { steps: data.steps.map((s) => s.epoch) });
    // MIDAS is unbiased by seasonal terms (one-year pairs) and steps (no crossing pairs); with 2 mm white
    // noise its uncertainty is ≈ 0.1 mm/yr and we require agreement within that uncertainty.
    expect(Math.abs(result.velocity - data.truth.velocity)).toBeLessThan(result.uncertainty);
    expect(result.uncertainty).toBeLessThan(0.0003);
    expect(result.uncertainty).toBeCloseTo(
      3 * Math.sqrt(Math.PI / 2) * (result.pairVelocityStdDev / Math.sqrt(result.keptPairCount / 4)),
      15,
    );
    expect(result.keptPairCount).toBeLessThan(result.pairCount);
  });

  it('stays robust to steps it is not told about (the point of MIDAS)', () => {
    const data = syntheticComponent(6, 12, 0.002);
    const result = midasVelocity(data.time, data.values);
    // Pairs crossing the two unknown steps (8 and −5 mm) are a minority and mostly trimmed: bias < 0.5 mm/yr.
    expect(Math.abs(result.velocity - data.truth.velocity)).toBeLessThan(0.0005);
  });

  it('agrees with SOPAC velocities for BJFS within the combined uncertainties', () => {
    const series = parseSopacNeu(readGnssFixture('bjfsCleanUnf.neu'), 'bjfs', 'BJFS');
    const pairs = selectMidasPairs(series.decimalYear);
    const cases = [
      { values: series.north, velocity: -0.0105, sigma: 0.0002 },
      { values: series.east, velocity: 0.0304, sigma: 0.0003 },
      { values: series.up, velocity: 0.0024, sigma: 0.0006 },
    ];
    for (const c of cases) {
      const result = midasFromPairs(series.decimalYear, c.values, pairs);
      // Different estimators on the same data: MIDAS vs SOPAC's least squares, so we allow the root sum of
      // squares of both uncertainties.
      expect(Math.abs(result.velocity - c.velocity)).toBeLessThan(Math.hypot(result.uncertainty, c.sigma));
    }
  });

  it('returns detrended residuals with a zero median', () => {
    const data = syntheticComponent(7, 5, 0.002);
    const result = midasVelocity(data.time, data.values, { steps: data.steps.map((s) => s.epoch) });
    const sorted = Array.from(result.residuals).sort((a, b) => a - b);
    expect(Math.abs(sorted[sorted.length >> 1])).toBeLessThan(1e-6);
    expect(result.residuals[10]).toBeCloseTo(
      data.values[10] - result.intercept - result.velocity * (data.time[10] - data.time[0]),
      12,
    );
  });

  it('refuses series that are too short', () => {
    const time = Float64Array.from({ length: 200 }, (_, i) => 2020 + i / 365.25);
    expect(() => midasVelocity(time, new Float64Array(200))).toThrow(/more than one year/);
    expect(() => midasVelocity(Float64Array.of(1, 2, 3), Float64Array.of(1, 2, 3))).toThrow(
      /at least 6 epochs/,
    );
    expect(() => midasVelocity(Float64Array.of(2, 1), Float64Array.of(1, 2))).toThrow(/increase strictly/);
  });

  it('computes three components of 20 years of daily data in under 50 ms', () => {
    const n = Math.round(20 * 365.25);
    const random = seededRandom(9);
    const time = Float64Array.from({ length: n }, (_, i) => 2005 + (i + 0.5) / 365.25);
    const components = [0, 1, 2].map(() =>
      Float64Array.from(time, (t) => 0.01 * (t - 2005) + random.normal() * 0.002),
    );
    let best = Infinity;
    for (let run = 0; run < 10; run++) {
      const start = performance.now();
      const pairs = selectMidasPairs(time);
      for (const values of components) midasFromPairs(time, values, pairs);
      best = Math.min(best, performance.now() - start);
    }
    expect(best).toBeLessThan(50);
  });
});

describe('median', () => {
  it('matches a sort-based median on random arrays of odd and even length, with ties', () => {
    const random = seededRandom(11);
    for (const n of [1, 2, 3, 4, 5, 10, 11, 1000, 1001]) {
      const values = Float64Array.from({ length: n }, () => Math.round(random.normal() * 5));
      const sorted = Array.from(values).sort((a, b) => a - b);
      const expected = n % 2 === 1 ? sorted[n >> 1] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
      expect(median(values)).toBeCloseTo(expected, 12);
    }
    expect(Number.isNaN(median(new Float64Array(0)))).toBe(true);
  });
});
