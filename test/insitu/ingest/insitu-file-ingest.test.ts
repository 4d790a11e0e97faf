import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ingestInsituFiles, type InsituFile } from '../../../src/insitu/ingest/insitu-file-ingest.js';
import { InsituParseError } from '../../../src/insitu/insitu-errors.js';
import { openSqliteInsituStore } from '../../../src/insitu/store/sqlite/sqlite-insitu-store.js';

const fixture = (path: string): string => fileURLToPath(new URL(`../../fixtures/${path}`, import.meta.url));

describe('ingest of a set of files', () => {
  it('reads a dataset description, its CSV observations, events and a GNSS file in one transaction', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fournaise-insitu-files-'));
    writeFileSync(join(dir, 'chemistry.csv'), 'date,ph,cond\n2017-01-05,7.9,120\n2017-01-12,8.1,\n');
    writeFileSync(join(dir, 'events.csv'), 'station,time,kind\nLHAS,2001-06-01T00:00:00Z,equipment-change\n');
    const files: InsituFile[] = [
      { kind: 'dataset', path: fixture('insitu/erorun-dataset.json') },
      {
        kind: 'observations',
        path: join(dir, 'chemistry.csv'),
        mapping: {
          layout: 'wide',
          time: 'date',
          columns: { ph: { datastreamId: 'RDP-ph' }, cond: { datastreamId: 'RDP-cond' } },
        },
      },
      {
        kind: 'gnss',
        station: { networkId: 'erorun', stationId: 'LHAS' },
        solutions: [{ name: 'NGL', path: fixture('gnss/LHAS.tenv3') }],
      },
      { kind: 'events', path: join(dir, 'events.csv') },
      { kind: 'site-log', path: fixture('gnss/cral00fra_20231110.log'), stationId: 'LHAS' },
    ];
    const store = openSqliteInsituStore({ path: ':memory:' });
    const result = await ingestInsituFiles(store, files);
    expect(result.observations).toBe(3 + 3 * 3631);
    expect((await store.readObservations('RDP-cond')).time.length).toBe(1);
    expect((await store.listEvents('LHAS')).length).toBe(11);

    // A bad file among good ones: nothing of the set is written.
    writeFileSync(join(dir, 'bad.csv'), 'date,ph,cond\n2017-02-05,7.9,120\n2017-02-12,eight,\n');
    const again: InsituFile[] = [
      { kind: 'events', path: join(dir, 'events.csv') },
      { ...(files[1] as Extract<InsituFile, { kind: 'observations' }>), path: join(dir, 'bad.csv') },
    ];
    await expect(ingestInsituFiles(store, again)).rejects.toThrow(InsituParseError);
    await expect(ingestInsituFiles(store, again)).rejects.toThrow(
      "bad.csv:3:12: expected a numeric value, found 'eight'",
    );
    expect((await store.readObservations('RDP-ph')).time.length).toBe(2);
    await store.close();
  });
});
