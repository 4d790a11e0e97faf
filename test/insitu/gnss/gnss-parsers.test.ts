import { describe, expect, it } from 'vitest';
import { InsituParseError } from '../../../src/insitu/insitu-errors.js';
import {
  parseNglTenv3,
  parsePboPos,
  parseSopacNeu,
  parseSpotginsEnu,
} from '../../../src/insitu/gnss/index.js';
import { readGnssFixture } from './gnss-fixtures.js';

/** Runs `parse` and returns the InsituParseError it throws. */
function parseError(parse: () => unknown): InsituParseError {
  try {
    parse();
  } catch (error) {
    if (error instanceof InsituParseError) return error;
    throw error;
  }
  throw new Error('expected an InsituParseError');
}

describe('PBO .pos parser', () => {
  const text = readGnssFixture('P156.pbo.final_igs08.pos');

  it('reads header and every epoch of the real file', () => {
    const series = parsePboPos(text, 'P156.pos');
    expect(series.station).toBe('P156');
    expect(series.referenceFrame).toBe('ITRF08');
    expect(series.referencePosition).toEqual({ x: -2728552.76567, y: -4059578.57836, z: 4080378.74254 });
    expect(series.referenceGeodetic?.longitude).toBeCloseTo(236.0938828649 - 360, 10);
    expect(series.epochMs.length).toBe(3196);
    expect(new Date(series.epochMs[0]).toISOString()).toBe('2006-06-08T12:00:00.000Z');
    expect(new Date(series.epochMs[3195]).toISOString()).toBe('2015-03-14T12:00:00.000Z');
    // First line: dN -0.12280 dE 0.06265 dU 0.00276 Sn 0.00312 Se 0.00246 Su 0.01122.
    expect([series.east[0], series.north[0], series.up[0]]).toEqual([0.06265, -0.1228, 0.00276]);
    expect([series.sigmaEast[0], series.sigmaNorth[0], series.sigmaUp[0]]).toEqual([
      0.00246, 0.00312, 0.01122,
    ]);
    expect(series.decimalYear[0]).toBeCloseTo(2006 + 158.5 / 365, 10);
  });

  it('says where a bad value is and what was expected', () => {
    const lines = text.split('\n');
    const index = lines.findIndex((l) => l.startsWith(' 20060610'));
    lines[index] = lines[index].replace('-0.12050', '-0.12x50');
    const error = parseError(() => parsePboPos(lines.join('\n'), 'P156.pos'));
    expect(error.line).toBe(index + 1);
    expect(error.column).toBe(lines[index].indexOf('-0.12x50') + 1);
    expect(error.message).toBe(
      `P156.pos:${index + 1}:${error.column}: expected dN (m) as a number, found '-0.12x50'`,
    );
  });

  it('rejects a truncated line, an impossible date and epochs out of order', () => {
    const lines = text.split('\n');
    const index = lines.findIndex((l) => l.startsWith(' 20060610'));
    const truncated = [...lines];
    truncated[index] = truncated[index].slice(0, 60);
    expect(parseError(() => parsePboPos(truncated.join('\n'), 'f')).expected).toBe('25 fields per data line');
    const badDate = [...lines];
    badDate[index] = badDate[index].replace('20060610', '20060231');
    expect(parseError(() => parsePboPos(badDate.join('\n'), 'f')).expected).toBe(
      'a date YYYYMMDD and time HHMMSS',
    );
    const swapped = [...lines];
    [swapped[index], swapped[index + 1]] = [swapped[index + 1], swapped[index]];
    const error = parseError(() => parsePboPos(swapped.join('\n'), 'f'));
    expect([error.line, error.column, error.expected]).toEqual([
      index + 2,
      2,
      'an epoch later than the previous line',
    ]);
  });

  it('rejects another format', () => {
    const error = parseError(() => parsePboPos(readGnssFixture('LHAS.tenv3'), 'x.pos'));
    expect([error.line, error.column]).toEqual([1, 1]);
  });
});

describe('NGL .tenv3 parser', () => {
  const text = readGnssFixture('LHAS.tenv3');

  it('reads every epoch as continuous displacements', () => {
    const series = parseNglTenv3(text, 'LHAS.tenv3');
    expect(series.station).toBe('LHAS');
    expect(series.epochMs.length).toBe(3631);
    expect(new Date(series.epochMs[0]).toISOString()).toBe('1995-05-19T12:00:00.000Z');
    // First line fractional parts 0.888603 / 0.602585 / 0.707878; integer parts are subtracted out.
    expect([series.east[0], series.north[0], series.up[0]]).toEqual([0.888603, 0.602585, 0.707878]);
    expect(series.east[3630]).toBeCloseTo(1.423936, 9);
    expect(series.sigmaUp[0]).toBe(0.008643);
    expect(series.referenceGeodetic?.longitude).toBeCloseTo(91.1039857924, 9);
  });

  it('checks the date column against the MJD column', () => {
    const lines = text.split('\n');
    lines[2] = lines[2].replace('95MAY20', '95MAY21');
    const error = parseError(() => parseNglTenv3(lines.join('\n'), 'LHAS.tenv3'));
    expect(error.message).toBe("LHAS.tenv3:3:6: expected date 95MAY20 (from MJD 49857), found '95MAY21'");
  });

  it('rejects a line of another station', () => {
    const lines = text.split('\n');
    lines[5] = lines[5].replace('LHAS', 'BJFS');
    expect(parseError(() => parseNglTenv3(lines.join('\n'), 'f')).expected).toBe(
      "station 'LHAS' on every line",
    );
  });
});

describe('SPOTGINS .enu parser', () => {
  const text = readGnssFixture('SPOTGINS_CRAL00FRA.enu');

  it('reads header keys and every epoch', () => {
    const series = parseSpotginsEnu(text, 'CRAL.enu');
    expect(series.station).toBe('CRAL00FRA');
    expect(series.referenceFrame).toBe('IGS20');
    expect(series.referencePosition).toEqual({ x: 4662596.379, y: 29882.438, z: 4338374.979 });
    expect(series.epochMs.length).toBe(5426);
    expect(new Date(series.epochMs[0]).toISOString()).toBe('2010-02-09T11:57:49.000Z');
    expect([series.east[0], series.north[0], series.up[0]]).toEqual([-0.184095, -0.163221, 0.008591]);
    expect(series.sigmaUp[5425]).toBe(0.001194);
  });

  it('refuses units other than metres', () => {
    const error = parseError(() =>
      parseSpotginsEnu(text.replace('UNITS            : meters', 'UNITS            : mm'), 'f'),
    );
    expect([error.line, error.column, error.expected, error.found]).toEqual([10, 22, "'meters'", 'mm']);
  });

  it('reports a missing column at the end of the line', () => {
    const lines = text.split('\n');
    lines[22] = ' 55236.49848380      -0.184095';
    const error = parseError(() => parseSpotginsEnu(lines.join('\n'), 'f'));
    expect([error.line, error.column, error.found]).toEqual([23, 31, 'end of line']);
  });
});

describe('SOPAC .neu parser', () => {
  it('reads a metre file', () => {
    const series = parseSopacNeu(readGnssFixture('bjfsCleanUnf.neu'), 'bjfs.neu', 'BJFS');
    expect(series.epochMs.length).toBe(3097);
    expect([series.north[0], series.east[0], series.up[0]]).toEqual([0.0537, -0.1458, -0.0204]);
    expect(series.decimalYear[0]).toBeCloseTo(1999.8068, 6);
  });

  it('converts a millimetre file to metres', () => {
    const series = parseSopacNeu(readGnssFixture('p231CleanResid.neu'), 'p231.neu', 'P231');
    expect(series.epochMs.length).toBe(2834);
    expect(series.north[0]).toBeCloseTo(0.00039, 12);
    expect(series.sigmaUp[0]).toBeCloseTo(0.003, 12);
  });
});
