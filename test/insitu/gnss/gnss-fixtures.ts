/** Reads the GNSS fixtures of test/fixtures/gnss (see SOURCES.md there). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../../support/mulberry32.js';

export function readGnssFixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../fixtures/gnss/${name}`, import.meta.url)), 'utf8');
}

/** Deterministic pseudo-random numbers (mulberry32) and standard normal deviates (Box-Muller). */
export function seededRandom(seed: number): { uniform: () => number; normal: () => number } {
  const uniform = mulberry32(seed);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  return { uniform, normal };
}

/** Daily synthetic component: trend, seasonal terms, steps and white noise (metres, decimal years). */
export function syntheticComponent(seed: number, years: number, noise: number) {
  const random = seededRandom(seed);
  const truth = { velocity: 0.0123, annualSin: 0.003, annualCos: -0.002, semiSin: 0.001, semiCos: 0.0005 };
  const steps = [
    { epoch: 2013.4, size: 0.008 },
    { epoch: 2017.05, size: -0.005 },
  ];
  const n = Math.round(years * 365.25);
  const time = new Float64Array(n);
  const values = new Float64Array(n);
  const sigmas = new Float64Array(n).fill(noise);
  for (let i = 0; i < n; i++) {
    const t = 2010 + (i + 0.5) / 365.25;
    const dt = t - 2010;
    time[i] = t;
    values[i] =
      0.02 +
      truth.velocity * dt +
      truth.annualSin * Math.sin(2 * Math.PI * dt) +
      truth.annualCos * Math.cos(2 * Math.PI * dt) +
      truth.semiSin * Math.sin(4 * Math.PI * dt) +
      truth.semiCos * Math.cos(4 * Math.PI * dt) +
      steps.reduce((sum, s) => sum + (t >= s.epoch ? s.size : 0), 0) +
      random.normal() * noise;
  }
  return { time, values, sigmas, truth, steps };
}
