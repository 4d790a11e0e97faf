import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insituIngestCommand } from '../../src/cli/insitu-ingest-command.js';
import { openSqliteCatalogStore } from '../../src/catalog/store/sqlite/sqlite-catalog-store.js';
import { openSqliteInsituStore } from '../../src/insitu/store/sqlite/sqlite-insitu-store.js';
import { capturedIo } from './cli-io.js';

const DATASET = join(process.cwd(), 'test', 'fixtures', 'insitu', 'erorun-dataset.json');

describe('fournaise insitu-ingest', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fournaise-insitu-cli-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('ingests a dataset description and catalogues its network as a STAC collection, idempotently', async () => {
    for (let run = 0; run < 2; run++) {
      const io = capturedIo();
      expect(await insituIngestCommand.run(['--data-dir', dir, DATASET], io)).toBe(0);
      expect(io.err()).toContain('catalogued network erorun as collection erorun-chemistry (1 stations)');
    }
    const insitu = openSqliteInsituStore({ dataDir: dir });
    const catalog = openSqliteCatalogStore({ dataDir: dir });
    try {
      expect((await insitu.listDatastreams()).map((d) => d.id).sort()).toEqual(['RDP-cond', 'RDP-ph']);
      const collection = await catalog.getCollection('erorun-chemistry');
      expect(collection?.type).toBe('Collection');
      const page = await catalog.search({ collections: ['erorun-chemistry'], limit: 10 });
      expect(page.items).toHaveLength(1);
    } finally {
      await insitu.close();
      await catalog.close();
    }
  });

  it('rejects a bad file with its name, line and column, and changes nothing', async () => {
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{"type":"fournaise-insitu-dataset",\n "version": 1, "network": {"id": "x"');
    const io = capturedIo();
    expect(await insituIngestCommand.run(['--data-dir', dir, bad], io)).toBe(1);
    expect(io.err()).toMatch(/bad\.json:\d+:\d+/);
    const insitu = openSqliteInsituStore({ dataDir: dir });
    try {
      expect((await insitu.listNetworks()).map((n) => n.id)).toEqual(['erorun']);
    } finally {
      await insitu.close();
    }
  });

  it('has help', async () => {
    const io = capturedIo();
    expect(await insituIngestCommand.run(['--help'], io)).toBe(0);
    expect(io.out()).toContain('Usage: fournaise insitu-ingest');
  });
});
