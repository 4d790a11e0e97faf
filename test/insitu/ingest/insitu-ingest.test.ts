import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InsituParseError } from '../../../src/insitu/insitu-errors.js';
import { readCsvObservations } from '../../../src/insitu/ingest/csv-observations-reader.js';
import { readCsv } from '../../../src/insitu/ingest/csv-reader.js';
import { readDatasetDescription } from '../../../src/insitu/ingest/dataset-description-reader.js';
import { readEventFile } from '../../../src/insitu/ingest/event-file-reader.js';
import { gnssStationDataset, parseGnssFile } from '../../../src/insitu/ingest/gnss-dataset.js';
import { parseTimestamp } from '../../../src/insitu/ingest/timestamp-parser.js';
import { openSqliteInsituStore } from '../../../src/insitu/store/sqlite/sqlite-insitu-store.js';
import { readGnssFixture } from '../gnss/gnss-fixtures.js';

const description = readFileSync(
  fileURLToPath(new URL('../../fixtures/insitu/erorun-dataset.json', import.meta.url)),
  'utf8',
);

function parseError(run: () => unknown): InsituParseError {
  try {
    run();
  } catch (error) {
    if (error instanceof InsituParseError) return error;
    throw error;
  }
  throw new Error('expected an InsituParseError');
}

describe('timestamps', () => {
  it.each([
    ['2017-03-01', Date.UTC(2017, 2, 1)],
    ['2017-03-01T10:30:00Z', Date.UTC(2017, 2, 1, 10, 30)],
    ['2017-03-01 10:30', Date.UTC(2017, 2, 1, 10, 30)],
    ['2017-03-01T14:30:00.250+04:00', Date.UTC(2017, 2, 1, 10, 30, 0, 250)],
  ])('parses %s', (text, expected) => expect(parseTimestamp(text)).toBe(expected));

  it.each(['2017-02-30', '2017-13-01', '01/03/2017', '2017-03-01T25:00', ''])('rejects %s', (text) =>
    expect(parseTimestamp(text)).toBeUndefined(),
  );

  it('reads decimal years and epoch seconds', () => {
    expect(parseTimestamp('2020.5', 'decimal-year')).toBe(Date.UTC(2020, 0, 1) + 0.5 * 366 * 86_400_000);
    expect(parseTimestamp('1500000000', 'epoch-s')).toBe(1_500_000_000_000);
  });
});

describe('CSV', () => {
  it('reads quoted fields, doubled quotes, CRLF and embedded newlines with positions', () => {
    const rows = readCsv('a,"b ""x""",c\r\n1,"two\nlines",3\n', 'f.csv');
    expect(rows[0].map((f) => f.text)).toEqual(['a', 'b "x"', 'c']);
    expect(rows[1][1]).toEqual({ text: 'two\nlines', line: 2, column: 3 });
    expect(rows[1][2]).toMatchObject({ text: '3', line: 3, column: 8 });
    expect(parseError(() => readCsv('a,"open\n', 'f.csv')).message).toBe(
      "f.csv:1:3: expected a closing quote for this field, found 'end of file'",
    );
  });

  it('reads the long layout with uncertainty and quality', () => {
    const text =
      'date;station;pH;u;flag\n2017-01-05;RDP-ph;7.9;0.05;1\n2017-01-05;RDP-cond;120;;2\n2017-01-12;RDP-ph;8.1;0.05;1\n';
    const result = readCsvObservations(text, 'long.csv', {
      layout: 'long',
      delimiter: ';',
      time: 'date',
      datastreamColumn: 'station',
      value: 'pH',
      uncertainty: 'u',
      quality: 'flag',
    });
    expect(result.map((r) => r.datastreamId)).toEqual(['RDP-ph', 'RDP-cond']);
    expect(Array.from(result[0].batch.value)).toEqual([7.9, 8.1]);
    expect(Number.isNaN(result[1].batch.uncertainty[0])).toBe(true);
    expect(result[1].batch.quality[0]).toBe(2);
  });

  it('reads the wide layout, empty cells being missing values', () => {
    const text = 'time,pH,cond\n2017-01-05T08:00:00Z,7.9,120\n2017-01-12T08:00:00Z,,130\n';
    const result = readCsvObservations(text, 'wide.csv', {
      layout: 'wide',
      time: 'time',
      columns: { pH: { datastreamId: 'RDP-ph' }, cond: { datastreamId: 'RDP-cond' } },
    });
    expect(result.map((r) => [r.datastreamId, r.batch.time.length])).toEqual([
      ['RDP-ph', 1],
      ['RDP-cond', 2],
    ]);
  });

  it('says which line and column is wrong and what was expected', () => {
    const mapping = { layout: 'wide', time: 'time', columns: { pH: { datastreamId: 'RDP-ph' } } } as const;
    expect(
      parseError(() => readCsvObservations('time,pH\n2017-01-05,7.9\n2017-01-12,8,1\n', 'w.csv', mapping))
        .message,
    ).toBe("w.csv:3:14: expected 2 fields as in the header, found '3 fields'");
    expect(
      parseError(() => readCsvObservations('time,pH\n2017-01-05,7.9\n2017-01-32,8.1\n', 'w.csv', mapping))
        .message,
    ).toBe("w.csv:3:1: expected an ISO 8601 time, found '2017-01-32'");
    expect(
      parseError(() => readCsvObservations('time,pH\n2017-01-05,7,9\n', 'w.csv', mapping)).expected,
    ).toBe('2 fields as in the header');
    expect(
      parseError(() => readCsvObservations('time,pH\n2017-01-05,seven\n', 'w.csv', mapping)).message,
    ).toBe("w.csv:2:12: expected a numeric value, found 'seven'");
    expect(parseError(() => readCsvObservations('date,pH\n', 'w.csv', mapping)).expected).toBe(
      "a column named 'time' (columns: date, pH)",
    );
  });
});

describe('event files', () => {
  it('reads events with extra columns as properties', () => {
    const events = readEventFile(
      'station,time,kind,description,magnitude\nBOMG,2019-02-18T15:00:00Z,earthquake,M4.2 at 12 km,4.2\n',
      'e.csv',
    );
    expect(events).toEqual([
      {
        stationId: 'BOMG',
        time: Date.UTC(2019, 1, 18, 15),
        kind: 'earthquake',
        description: 'M4.2 at 12 km',
        properties: { magnitude: '4.2' },
      },
    ]);
    expect(
      parseError(() => readEventFile('station,time,kind\nBOMG,yesterday,eruption\n', 'e.csv')).message,
    ).toBe("e.csv:2:6: expected an ISO 8601 time, found 'yesterday'");
  });
});

describe('dataset description (JSON)', () => {
  it('reads networks, stations, events and datastreams', () => {
    const dataset = readDatasetDescription(description, 'erorun.json');
    expect(dataset.stations?.[0]).toMatchObject({ id: 'RDP', networkId: 'erorun', elevation: 12 });
    expect(dataset.datastreams?.map((d) => d.id)).toEqual(['RDP-ph', 'RDP-cond']);
    expect(dataset.events?.[0].time).toBe(Date.UTC(2017, 2, 1));
  });

  it('points at the line and column of a bad value', () => {
    const broken = description.replace('"latitude": -20.9', '"latitude": -120.9');
    const error = parseError(() => readDatasetDescription(broken, 'erorun.json'));
    const line = broken.split('\n').findIndex((l) => l.includes('-120.9')) + 1;
    expect(error.line).toBe(line);
    expect(error.column).toBe(broken.split('\n')[line - 1].indexOf('-120.9') + 1);
    expect(error.expected).toBe('a number in [-90, 90] at /stations/0/latitude');
    const unknown = description.replace('"observedProperty": "ph"', '"observedProperty": "acidity"');
    expect(parseError(() => readDatasetDescription(unknown, 'e.json')).expected).toBe(
      'one of the observedProperties ids (ph, conductivity) at /stations/0/datastreams/0/observedProperty',
    );
    expect(parseError(() => readDatasetDescription('{"type": ', 'e.json')).expected).toBe('valid JSON');
  });
});

describe('GNSS files into the store', () => {
  it('stores one station with two solutions, idempotently, and a bad file changes nothing', async () => {
    const store = openSqliteInsituStore({ path: ':memory:' });
    const series = parseGnssFile(readGnssFixture('LHAS.tenv3'), 'LHAS.tenv3');
    const shifted = { ...series, east: series.east.map((v) => v + 0.001) };
    const dataset = gnssStationDataset({ networkId: 'igs', stationId: 'LHAS' }, [
      { name: 'NGL', series },
      { name: 'OTHER', series: shifted },
    ]);
    await store.ingest({ networks: [{ id: 'igs', name: 'IGS' }], ...dataset });
    await store.ingest({ networks: [{ id: 'igs', name: 'IGS' }], ...dataset });
    expect((await store.listDatastreams('LHAS')).map((d) => d.id)).toEqual([
      'LHAS-NGL-east',
      'LHAS-NGL-north',
      'LHAS-NGL-up',
      'LHAS-OTHER-east',
      'LHAS-OTHER-north',
      'LHAS-OTHER-up',
    ]);
    expect((await store.datastreamExtent('LHAS-NGL-up')).count).toBe(3631);
    const east = await store.readObservations('LHAS-OTHER-east');
    expect(east.value[0]).toBeCloseTo(0.889603, 9);
    expect(east.uncertainty[0]).toBe(0.002231);
    expect((await store.getStation('LHAS'))?.longitude).toBeCloseTo(91.1039857924, 9);
    const corrupted = readGnssFixture('LHAS.tenv3').replace('0.913134', '0.9l3134');
    expect(() => parseGnssFile(corrupted, 'LHAS.tenv3')).toThrow('LHAS.tenv3:3:');
    expect((await store.datastreamExtent('LHAS-NGL-east')).count).toBe(3631);
    await store.close();
  });

  it('refuses files it does not know', () => {
    expect(parseError(() => parseGnssFile('', 'x.csv')).expected).toMatch(/\*\.pos, \*\.tenv3/);
  });
});
