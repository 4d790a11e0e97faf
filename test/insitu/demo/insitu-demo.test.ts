import { describe, expect, it } from 'vitest';
import { FOURNAISE_GNSS_STATIONS } from '../../../src/demo/catalog/demo-places.js';
import { generateErorunChemistry, generateGnssStation } from '../../../src/demo/insitu-demo.js';
import { SeededRandom } from '../../../src/demo/seeded-random.js';
import { synthesizeGnssSeries, truthAt } from '../../../src/insitu/demo/synthetic-gnss-series.js';
import { decimalYearsOf } from '../../../src/insitu/gnss/gnss-time.js';
import { midasVelocity } from '../../../src/insitu/gnss/midas-velocity.js';
import { fitTrajectory } from '../../../src/insitu/gnss/trajectory-model.js';
import { GNSS_OBSERVED_PROPERTIES } from '../../../src/insitu/ingest/gnss-dataset.js';
import { openSqliteInsituStore } from '../../../src/insitu/store/sqlite/sqlite-insitu-store.js';

describe('synthetic GNSS series', () => {
  it('lets the trajectory model and MIDAS recover the true velocity through steps and coloured noise', () => {
    const random = new SeededRandom('synthetic-test');
    const step = Date.UTC(2019, 5, 1);
    const truth = {
      velocity: [0.015, 0.011, -0.002] as const,
      annual: [
        [0.001, 0.001, 0.004],
        [0.0005, -0.001, 0.002],
      ] as const,
      semiAnnual: [
        [0.0003, 0, 0.001],
        [0, 0.0003, 0],
      ] as const,
      steps: [{ time: step, offset: [0.004, -0.003, 0.01] as const }],
      ramps: [],
    };
    const series = synthesizeGnssSeries(
      truth,
      { white: [0.0015, 0.0015, 0.005], correlated: [0.001, 0.001, 0.003], correlation: 0.95 },
      Date.UTC(2015, 0, 1),
      Date.UTC(2025, 0, 1),
      () => random.normal(),
    );
    const time = decimalYearsOf(series.epochMs);
    const stepYear = time[series.epochMs.findIndex((t) => t >= step)] - 1e-6;
    expect(series.up[100]).not.toBe(truthAt(truth, series.epochMs[100], series.epochMs[0])[2]);
    // Correlated noise makes white-noise formal errors ~5x optimistic, so tolerances are absolute:
    // 0.3 mm/yr horizontally and 1 mm/yr vertically over 10 years.
    (['east', 'north', 'up'] as const).forEach((component, c) => {
      const tolerance = c === 2 ? 0.001 : 0.0003;
      const fit = fitTrajectory(time, series[component], undefined, { steps: [stepYear] });
      expect(Math.abs(fit.velocity - truth.velocity[c])).toBeLessThan(tolerance);
      expect(Math.abs(fit.steps[0].size - truth.steps[0].offset[c])).toBeLessThan(c === 2 ? 0.004 : 0.0015);
      const midas = midasVelocity(time, series[component], { steps: [stepYear] });
      expect(Math.abs(midas.velocity - truth.velocity[c])).toBeLessThan(tolerance);
    });
  });
});

describe('in-situ demo generators', () => {
  it('generates a GNSS station with two solutions, events and its true velocity, deterministically', () => {
    const station = FOURNAISE_GNSS_STATIONS[9];
    const dataset = generateGnssStation(station, new SeededRandom('demo').fork('gnss'));
    const again = generateGnssStation(station, new SeededRandom('demo').fork('gnss'));
    expect(dataset.datastreams?.map((d) => d.method)).toEqual([
      'GIPSYX',
      'GIPSYX',
      'GIPSYX',
      'SPOTGINS',
      'SPOTGINS',
      'SPOTGINS',
    ]);
    expect(Array.from(dataset.observations![0].batch.value.slice(0, 50))).toEqual(
      Array.from(again.observations![0].batch.value.slice(0, 50)),
    );
    const east = dataset.observations![0].batch;
    expect(east.time.length).toBeGreaterThan(3800);
    expect(east.time[0]).toBe(Date.UTC(2015, 0, 1, 12));
    expect(east.time[east.time.length - 1]).toBe(Date.UTC(2025, 11, 31, 12));
    expect(dataset.events?.filter((e) => e.kind === 'eruption').length).toBe(15);
    expect(dataset.events?.some((e) => e.kind === 'equipment-change')).toBe(true);
    const trueVelocity = (dataset.stations![0].properties as { trueVelocity: { east: number } }).trueVelocity;
    expect(trueVelocity.east).toBeGreaterThan(0.01);
    expect(dataset.stations![0].properties).toMatchObject({
      synthetic: true,
      stacItem: 'gnss-piton-fournaise-rvag',
    });
  });

  it('generates ERORUN weekly and monthly samples over 2016-10-14 – 2019-01-26 that ingest cleanly', async () => {
    const dataset = generateErorunChemistry(new SeededRandom('demo').fork('erorun'));
    const store = openSqliteInsituStore({ path: ':memory:' });
    await store.ingest({
      networks: [{ id: 'ovpf-gnss', name: 'x' }],
      observedProperties: GNSS_OBSERVED_PROPERTIES,
    });
    await store.ingest(dataset);
    const outlet = await store.datastreamExtent('RDP-PONT-ph');
    const upstream = await store.datastreamExtent('RDP-AMONT-ph');
    expect(outlet.count).toBeGreaterThan(115);
    expect(upstream.count).toBeGreaterThan(28);
    expect(upstream.count).toBeLessThan(33);
    expect(outlet.firstTime!).toBeGreaterThanOrEqual(Date.UTC(2016, 9, 13));
    expect(outlet.lastTime!).toBeLessThanOrEqual(Date.UTC(2019, 0, 27, 12));
    const ph = await store.readObservations('RDP-PONT-ph');
    expect(Math.min(...ph.value)).toBeGreaterThan(6.5);
    expect(Math.max(...ph.value)).toBeLessThan(9);
    expect((await store.listDatastreams('RDP-PONT')).length).toBe(12);
    await store.close();
  });
});
