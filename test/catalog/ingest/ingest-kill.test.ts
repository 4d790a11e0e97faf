/**
 * Kills `fournaise ingest` with SIGKILL in the middle of a run and checks what a crash leaves behind:
 * every stored item complete and identical to its source, and only whole batches.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedCollectionLink } from '../../../src/catalog/ingest/stac-object-normaliser.js';
import type { StacItem } from '../../../src/catalog/model/stac-types.js';
import { openSqliteCatalogStore } from '../../../src/catalog/store/sqlite/sqlite-catalog-store.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const ITEM_COUNT = 20_000;
const BATCH_SIZE = 500;
/** The process is killed once its progress line shows at least this many items written. */
const KILL_AFTER = 2 * BATCH_SIZE;

function sourceItem(i: number): StacItem {
  const x = 55.2 + (i % 100) * 0.006;
  const y = -21.4 + (Math.floor(i / 100) % 100) * 0.005;
  return {
    type: 'Feature',
    stac_version: '1.1.0',
    id: `item-${i}`,
    collection: 'kill-test',
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [x, y],
          [x + 0.005, y],
          [x + 0.005, y + 0.004],
          [x, y + 0.004],
          [x, y],
        ],
      ],
    },
    bbox: [x, y, x + 0.005, y + 0.004],
    properties: {
      datetime: new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString(),
      'eo:cloud_cover': i % 100,
      title: `Item ${i} – synthétique`,
      keywords: ['kill', `k${i % 7}`],
    },
    links: [{ rel: 'collection', href: './collection.json' }],
    assets: { data: { href: `https://example.org/${i}.tif`, type: 'image/tiff', roles: ['data'] } },
  };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fournaise-kill-'));
  const collection = {
    type: 'Collection',
    stac_version: '1.1.0',
    id: 'kill-test',
    description: 'Kill test',
    license: 'CC0-1.0',
    extent: {
      spatial: { bbox: [[55, -22, 56, -20]] },
      temporal: { interval: [['2020-01-01T00:00:00Z', null]] },
    },
    links: [],
  };
  const lines = [JSON.stringify(collection)];
  for (let i = 0; i < ITEM_COUNT; i++) lines.push(JSON.stringify(sourceItem(i)));
  await writeFile(join(dir, 'items.ndjson'), `${lines.join('\n')}\n`);
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

/** Starts `fournaise ingest` and sends `signal` once its progress shows KILL_AFTER items written. */
async function interruptIngest(dataDir: string, signal: NodeJS.Signals) {
  const args = ['--import', 'tsx', 'src/cli/main.ts', 'ingest', '--data-dir', dataDir];
  args.push('--batch-size', String(BATCH_SIZE), '--progress-interval', '0', join(dir, 'items.ndjson'));
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let seenWritten = 0;
  let stderr = '';
  let sent = false;
  const exited = new Promise<{ code: number | null; received: NodeJS.Signals | null }>((done) =>
    child.on('exit', (code, received) => done({ code, received })),
  );
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => {
    stderr += text;
    for (const match of text.matchAll(/([\d,]+) items /g)) {
      seenWritten = Math.max(seenWritten, Number(match[1].replace(/,/g, '')));
    }
    if (seenWritten >= KILL_AFTER && !sent) {
      sent = true;
      child.kill(signal);
    }
  });
  const { code, received } = await exited;
  return { code, received, seenWritten, stderr, sent };
}

/** Checks the store after an interrupted ingest: whole batches only, each item equal to its source. */
async function expectWholeBatchesOfIntactItems(dataDir: string, seenWritten: number): Promise<void> {
  const store = openSqliteCatalogStore({ dataDir });
  try {
    const stored: StacItem[] = [];
    let token: string | undefined;
    do {
      const page = await store.search({ collections: ['kill-test'], limit: 5000, token });
      stored.push(...page.items);
      token = page.next;
    } while (token);
    expect(stored.length).toBeGreaterThanOrEqual(seenWritten);
    expect(stored.length).toBeLessThan(ITEM_COUNT);
    expect(stored.length % BATCH_SIZE).toBe(0);
    for (const item of stored) {
      const index = Number(item.id.slice('item-'.length));
      expect(item).toEqual({ ...sourceItem(index), links: [storedCollectionLink('kill-test')] });
    }
  } finally {
    await store.close();
  }
}

describe('ingest interrupted', () => {
  it('by SIGKILL leaves only whole batches of complete, intact items', async () => {
    const dataDir = join(dir, 'killed');
    const run = await interruptIngest(dataDir, 'SIGKILL');
    expect(run.received, 'the ingest finished before it could be killed').toBe('SIGKILL');
    await expectWholeBatchesOfIntactItems(dataDir, run.seenWritten);
  });

  it('by SIGINT stops between batches, says so, and exits 130', async () => {
    const dataDir = join(dir, 'interrupted');
    const run = await interruptIngest(dataDir, 'SIGINT');
    expect(run.sent).toBe(true);
    expect(run.code).toBe(130);
    expect(run.stderr).toContain('fournaise ingest: interrupted; what was committed before stays');
    await expectWholeBatchesOfIntactItems(dataDir, run.seenWritten);
  });
});
