import { describe, expect, it } from 'vitest';
import { parseJplSeries } from '../../../src/insitu/gnss/jpl-series-parser.js';
import { midasFromPairs, selectMidasPairs } from '../../../src/insitu/gnss/midas-velocity.js';
import { parseNglTenv3 } from '../../../src/insitu/gnss/ngl-tenv3-parser.js';
import { gnssStationDataset } from '../../../src/insitu/ingest/gnss-dataset.js';
import { InsituParseError } from '../../../src/insitu/insitu-errors.js';
import { openSqliteInsituStore } from '../../../src/insitu/store/sqlite/sqlite-insitu-store.js';
import { readGnssFixture } from './gnss-fixtures.js';

describe('one station, two analysis centres (LHAS, NGL and JPL)', () => {
  const jpl = parseJplSeries(readGnssFixture('LHAS.series'), 'LHAS.series', 'LHAS');
  const ngl = parseNglTenv3(readGnssFixture('LHAS.tenv3'), 'LHAS.tenv3');

  it('reads the JPL series', () => {
    expect(jpl.epochMs.length).toBe(3762);
    expect(new Date(jpl.epochMs[0]).toISOString()).toBe('1995-05-19T13:20:00.000Z');
    expect([jpl.east[0], jpl.north[0], jpl.up[0], jpl.sigmaUp[0]]).toEqual([
      -1.258996, -0.444594, -0.017237, 0.008159,
    ]);
    const broken = readGnssFixture('LHAS.series').replace('1995  5 20 11 35  0', '1995  5 32 11 35  0');
    let error: unknown;
    try {
      parseJplSeries(broken, 'LHAS.series', 'LHAS');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InsituParseError);
    expect((error as InsituParseError).message).toMatch(
      /^LHAS\.series:2:\d+: expected a valid date and time, found '1995 5 32 11 35 0'$/,
    );
  });

  it('gives the same MIDAS velocities from both centres, within their combined uncertainty', () => {
    // Independent processing (GIPSY at JPL, GIPSY/OASIS at NGL, different reference frame realisations):
    // the velocities must agree within √(σ₁² + σ₂²); they do to better than 0.1 mm/yr here.
    const pairsJpl = selectMidasPairs(jpl.decimalYear);
    const pairsNgl = selectMidasPairs(ngl.decimalYear);
    for (const component of ['east', 'north', 'up'] as const) {
      const a = midasFromPairs(jpl.decimalYear, jpl[component], pairsJpl);
      const b = midasFromPairs(ngl.decimalYear, ngl[component], pairsNgl);
      expect(Math.abs(a.velocity - b.velocity)).toBeLessThan(Math.hypot(a.uncertainty, b.uncertainty));
    }
  });

  it('stores both as datastreams of one station', async () => {
    const store = openSqliteInsituStore({ path: ':memory:' });
    const dataset = gnssStationDataset({ networkId: 'igs', stationId: 'LHAS', name: 'Lhasa' }, [
      { name: 'NGL', series: ngl },
      { name: 'JPL', series: jpl },
    ]);
    await store.ingest({ networks: [{ id: 'igs', name: 'IGS' }], ...dataset });
    const methods = (await store.listDatastreams('LHAS')).map((d) => d.method);
    expect(new Set(methods)).toEqual(new Set(['NGL', 'JPL']));
    expect((await store.datastreamExtent('LHAS-JPL-up')).count).toBe(3762);
    await store.close();
  });
});
