import { describe, expect, it } from 'vitest';
import { epochMsToDecimalYear } from '../../../src/insitu/gnss/gnss-time.js';
import { midasVelocity } from '../../../src/insitu/gnss/midas-velocity.js';
import { parseSpotginsEnu } from '../../../src/insitu/gnss/spotgins-enu-parser.js';
import { fitTrajectory } from '../../../src/insitu/gnss/trajectory-model.js';
import { readIgsSiteLogEvents } from '../../../src/insitu/ingest/igs-site-log-reader.js';
import { InsituParseError } from '../../../src/insitu/insitu-errors.js';
import { readGnssFixture } from './gnss-fixtures.js';

describe('equipment changes from an IGS site log (CRAL00FRA, real)', () => {
  const log = readGnssFixture('cral00fra_20231110.log');

  it('reads every receiver change after the first installation; the antenna never changed', () => {
    const events = readIgsSiteLogEvents(log, 'cral.log');
    expect(events.length).toBe(10);
    expect(events[0]).toEqual({
      stationId: 'CRAL',
      time: Date.UTC(2014, 9, 29, 13, 32),
      kind: 'equipment-change',
      description: 'receiver TRIMBLE NETR5 installed',
      properties: { equipment: 'receiver', type: 'TRIMBLE NETR5', serialNumber: '4937K63591' },
    });
    expect(events.every((e) => (e.properties as { equipment: string }).equipment === 'receiver')).toBe(true);
    const broken = log.replace(
      'Date Installed           : 2014-10-29T13:32Z',
      'Date Installed           : 2014-13-29T13:32Z',
    );
    expect(() => readIgsSiteLogEvents(broken, 'cral.log')).toThrow(InsituParseError);
    expect(() => readIgsSiteLogEvents(broken, 'cral.log')).toThrow(
      /^cral\.log:73:33: expected an installation date/,
    );
  });

  it('finds only small steps at receiver changes, and velocities that do not depend on them', () => {
    const series = parseSpotginsEnu(readGnssFixture('SPOTGINS_CRAL00FRA.enu'), 'cral.enu');
    const last = series.epochMs[series.epochMs.length - 1];
    const steps = readIgsSiteLogEvents(log, 'cral.log')
      .filter((e) => e.time < last)
      .map((e) => epochMsToDecimalYear(e.time));
    const components = [
      { values: series.east, sigmas: series.sigmaEast, maxStep: 0.002 },
      { values: series.north, sigmas: series.sigmaNorth, maxStep: 0.002 },
      { values: series.up, sigmas: series.sigmaUp, maxStep: 0.006 },
    ];
    for (const { values, sigmas, maxStep } of components) {
      // A receiver change leaves the antenna phase centre in place: steps stay at the mm level
      // (horizontal < 2 mm, vertical < 6 mm on this station), unlike antenna changes.
      const fit = fitTrajectory(series.decimalYear, values, sigmas, { steps });
      for (const step of fit.steps) expect(Math.abs(step.size)).toBeLessThan(maxStep);
      const withSteps = midasVelocity(series.decimalYear, values, { steps });
      const without = midasVelocity(series.decimalYear, values);
      expect(Math.abs(withSteps.velocity - without.velocity)).toBeLessThan(withSteps.uncertainty);
      // Least squares and MIDAS respond differently to coloured noise; they agree within 2 MIDAS sigmas.
      expect(Math.abs(fit.velocity - withSteps.velocity)).toBeLessThan(2 * withSteps.uncertainty);
    }
  });
});
