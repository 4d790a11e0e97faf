import { describe, expect, it } from 'vitest';
import { fitTrajectory, removeTrend } from '../../../src/insitu/gnss/trajectory-model.js';
import { parseSopacNeu } from '../../../src/insitu/gnss/sopac-neu-parser.js';
import { readGnssFixture, syntheticComponent } from './gnss-fixtures.js';

describe('trajectory model', () => {
  it('recovers trend, seasonal terms and steps of a synthetic 10-year daily series', () => {
    const data = syntheticComponent(1, 10, 0.002);
    const fit = fitTrajectory(data.time, data.values, data.sigmas, {
      steps: data.steps.map((s) => s.epoch),
      referenceEpoch: 2010,
    });
    // With 2 mm white noise the formal velocity error is ≈ 0.02 mm/yr; we require agreement within 4σ
    // and, independently of σ, within 0.1 mm/yr.
    expect(fit.velocityError).toBeGreaterThan(0);
    expect(Math.abs(fit.velocity - data.truth.velocity)).toBeLessThan(Math.min(4 * fit.velocityError, 1e-4));
    const expected = [0.02, data.truth.velocity, 0.003, -0.002, 0.001, 0.0005, 0.008, -0.005];
    expected.forEach((value, j) =>
      expect(Math.abs(fit.parameters[j] - value)).toBeLessThan(4 * fit.formalErrors[j]),
    );
    expect(fit.annualAmplitude).toBeCloseTo(Math.hypot(0.003, 0.002), 3);
    expect(fit.steps.map((s) => s.epoch)).toEqual([2013.4, 2017.05]);
    // Residuals are the noise: their weighted RMS is the 2 mm noise level, and the variance factor ≈ 1.
    expect(fit.wrms).toBeGreaterThan(0.0019);
    expect(fit.wrms).toBeLessThan(0.0021);
    expect(fit.scaledErrors[1] / fit.formalErrors[1]).toBeCloseTo(1, 1);
  });

  it('matches SOPAC refined model terms for BJFS (velocities and seasonal amplitudes)', () => {
    const series = parseSopacNeu(readGnssFixture('bjfsCleanUnf.neu'), 'bjfs', 'BJFS');
    // SOPAC header (m/yr): n -0.0105 ± 0.0002, e 0.0304 ± 0.0003, u 0.0024 ± 0.0006; annual amplitudes
    // n 0.0004 ± 0.0004, e 0.0012 ± 0.0004, u 0.0092 ± 0.0011. SOPAC's fit also estimates noise and edits
    // outliers, so we allow twice their stated uncertainty plus their 0.1 mm/yr rounding.
    const cases = [
      {
        values: series.north,
        sigmas: series.sigmaNorth,
        velocity: -0.0105,
        sigma: 0.0002,
        annual: 0.0004,
        annualSigma: 0.0004,
      },
      {
        values: series.east,
        sigmas: series.sigmaEast,
        velocity: 0.0304,
        sigma: 0.0003,
        annual: 0.0012,
        annualSigma: 0.0004,
      },
      {
        values: series.up,
        sigmas: series.sigmaUp,
        velocity: 0.0024,
        sigma: 0.0006,
        annual: 0.0092,
        annualSigma: 0.0011,
      },
    ];
    for (const c of cases) {
      const fit = fitTrajectory(series.decimalYear, c.values, c.sigmas);
      expect(Math.abs(fit.velocity - c.velocity)).toBeLessThan(2 * c.sigma + 0.00005);
      expect(Math.abs(fit.annualAmplitude - c.annual)).toBeLessThan(2 * c.annualSigma + 0.00005);
    }
  });

  it('matches the SARI fit of SPOTGINS NAUS00BRA Up (same model, same data, Kalman vs least squares)', () => {
    const rows = readGnssFixture('SPOTGINS_NAUS00BRA.enu_Up.sari')
      .split('\n')
      .filter((l) => l.trim() !== '' && !l.startsWith('#'))
      .map((l) => l.trim().split(/\s+/).map(Number));
    const time = Float64Array.from(rows.map((r) => r[0]));
    const fit = fitTrajectory(
      time,
      Float64Array.from(rows.map((r) => r[1])),
      Float64Array.from(rows.map((r) => r[2])),
      {
        referenceEpoch: 2006.011,
      },
    );
    // SARI header: Rate 0.0009453 ± 0.0004153, S1 −0.0213717 ± 0.0016279, C1 0.0219432 ± 0.0016386,
    // S2 −0.0009348 ± 0.0015572, C2 −0.0046490 ± 0.0015582. SARI's Kalman filter lets the rate and seasonal
    // terms wander (process noise), our model holds them constant, so we require agreement within 2σ of SARI.
    expect(Math.abs(fit.velocity - 0.0009453)).toBeLessThan(2 * 0.0004153);
    const sari = [-0.0213717, 0.0219432, -0.0009348, -0.004649];
    const sariSigma = [0.0016279, 0.0016386, 0.0015572, 0.0015582];
    sari.forEach((value, k) =>
      expect(Math.abs(fit.parameters[2 + k] - value)).toBeLessThan(2 * sariSigma[k]),
    );
  });

  it('finds no trend, seasonal signal or offset in a SOPAC residual series (model already removed)', () => {
    const series = parseSopacNeu(readGnssFixture('p231CleanResid.neu'), 'p231', 'P231');
    const components = [
      [series.north, series.sigmaNorth],
      [series.east, series.sigmaEast],
      [series.up, series.sigmaUp],
    ];
    for (const [values, sigmas] of components) {
      const fit = fitTrajectory(series.decimalYear, values, sigmas, { steps: [2011.2918] });
      // The removed model had velocities of 23 and −40 mm/yr, a 6.5 mm annual Up term and a 3.9 mm Up offset.
      // What is left is small. The offset bound is looser (2 mm; 1.6 mm is left in Up) because SOPAC's fit
      // uses a coloured-noise model, and a step estimate trades off against the velocity over a short span.
      expect(Math.abs(fit.velocity)).toBeLessThan(0.0005);
      expect(fit.annualAmplitude).toBeLessThan(0.0005);
      expect(Math.abs(fit.steps[0].size)).toBeLessThan(0.002);
    }
  });

  it('removes only the linear trend for a detrended view', () => {
    const time = Float64Array.of(2020, 2020.5, 2021);
    const detrended = removeTrend(time, Float64Array.of(1, 1.5, 2.2), 1, 2020, 1);
    expect(Array.from(detrended).map((v) => Number(v.toFixed(12)))).toEqual([0, 0, 0.2]);
  });

  it('refuses a step with no data after it', () => {
    const data = syntheticComponent(2, 3, 0.002);
    expect(() => fitTrajectory(data.time, data.values, data.sigmas, { steps: [2030] })).toThrow(/step@2030/);
  });
});
