import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { IngestProblem } from '../../../src/catalog/ingest/ingest-types.js';
import { ingestStac } from '../../../src/catalog/ingest/stac-ingest.js';
import { formatOrigin } from '../../../src/catalog/ingest/stac-source-entry.js';
import type { StacItem } from '../../../src/catalog/model/stac-types.js';
import type { CatalogStore } from '../../../src/catalog/store/catalog-store.js';
import { openSqliteCatalogStore } from '../../../src/catalog/store/sqlite/sqlite-catalog-store.js';
import { validateStac } from '../../../src/catalog/validation/stac-validator.js';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/ingest');
const NESTED = join(FIXTURES, 'nested-catalog');
const NDJSON = join(FIXTURES, 'items-with-problems.ndjson');
const SPEC = join(FIXTURES, 'stac-spec-v1.1.0');

let store: CatalogStore;
let scratch: string;
beforeAll(async () => (scratch = await mkdtemp(join(tmpdir(), 'fournaise-ingest-'))));
afterAll(async () => rm(scratch, { recursive: true, force: true }));
beforeEach(() => {
  store = openSqliteCatalogStore({ path: ':memory:' });
});
afterEach(async () => store.close());

async function allItems(): Promise<StacItem[]> {
  const page = await store.search({ limit: 10_000 });
  return page.items;
}

/** Writes an NDJSON file made of the given lines (0-based) of the fixture, in that order. */
async function ndjsonOfLines(name: string, lineIndexes: number[]): Promise<string> {
  const lines = (await readFile(NDJSON, 'utf8')).split('\n');
  const path = join(scratch, name);
  await writeFile(path, lineIndexes.map((index) => lines[index]).join('\n'));
  return path;
}

async function ingest(sources: string[], extra: Partial<Parameters<typeof ingestStac>[0]> = {}) {
  const problems: IngestProblem[] = [];
  const report = await ingestStac({ store, sources, onProblem: (p) => problems.push(p), ...extra });
  return { report, problems, where: problems.map((p) => formatOrigin(p.origin)) };
}

describe('ingestStac from a static catalog', () => {
  it('writes the collection then its items, giving items without collection the one they were found under', async () => {
    const { report, where } = await ingest([NESTED]);
    expect(report.collections).toEqual({ inserted: 1, updated: 0, skipped: 0 });
    expect(report.items).toEqual({ inserted: 3, updated: 0, skipped: 0 });
    expect(where).toEqual([join(NESTED, 'missing/catalog.json')]);
    expect(report.rejected).toBe(1);
    const items = await allItems();
    expect(items.map((item) => [item.id, item.collection]).sort()).toEqual([
      ['survey-1', 'lagoon-surveys'],
      ['survey-2', 'lagoon-surveys'],
      ['survey-3', 'lagoon-surveys'],
    ]);
  });

  it('drops the source structure links, keeps the others with absolute hrefs, and stores valid items', async () => {
    await ingest([NESTED]);
    const survey1 = await store.getItem('lagoon-surveys', 'survey-1');
    const folder = join(NESTED, 'lagoon/items/survey-1');
    expect(survey1?.links).toEqual([
      { rel: 'collection', href: '../../lagoon-surveys', type: 'application/json' },
      { rel: 'via', href: pathToFileURL(join(NESTED, 'lagoon/README.md')).href },
    ]);
    expect(survey1?.assets.data.href).toBe(pathToFileURL(join(folder, 'survey-1.tif')).href);
    expect(survey1?.assets.remote.href).toBe('https://example.org/survey-1.tif');
    for (const item of await allItems()) expect(validateStac(item).errors).toEqual([]);
    const collection = await store.getCollection('lagoon-surveys');
    expect(collection?.links).toEqual([
      { rel: 'license', href: 'https://creativecommons.org/licenses/by/4.0/' },
    ]);
  });

  it('rejects an item with no collection anywhere unless a default collection is given', async () => {
    const first = await ingest([SPEC]);
    expect(first.problems.map((p) => p.message)).toContain(
      'item has no "collection" and was not found under a collection; pass --collection <id>',
    );
    expect(await store.getItem('extensions-collection', 'CS3-20160503_132131_08')).toBeUndefined();
    const second = await ingest([SPEC], {
      defaultCollection: 'extensions-collection',
      mode: 'skip-existing',
    });
    expect(second.report.items.inserted).toBe(1);
    expect((await store.getItem('extensions-collection', 'CS3-20160503_132131_08'))?.collection).toBe(
      'extensions-collection',
    );
  });
});

describe('ingestStac from NDJSON with bad lines', () => {
  it('lists each bad line with file:line and the reason, and writes the rest', async () => {
    const { report, problems, where } = await ingest([NDJSON]);
    expect(report.items.inserted).toBe(3);
    expect((await allItems()).map((item) => item.id).sort()).toEqual(['a', 'b', 'd']);
    // Line 6 may have several schema errors; each is listed, the object counts once.
    expect([...new Set(where)]).toEqual([`${NDJSON}:4:27`, `${NDJSON}:6`, `${NDJSON}:7`]);
    expect(report.rejected).toBe(3);
    const datetime = problems.find((p) => p.origin.line === 6);
    expect(datetime).toMatchObject({ objectId: 'c', path: '/properties/datetime' });
    expect(datetime?.schema).toMatch(/^https:\/\/schemas\.stacspec\.org\/v1\.1\.0\//);
  });

  it('accepts an item that names its collection without linking to it, as many exports do', async () => {
    const lines = (await readFile(NDJSON, 'utf8')).split('\n');
    const unlinked = { ...JSON.parse(lines[1]), id: 'unlinked', links: [] };
    const path = join(scratch, 'unlinked.ndjson');
    await writeFile(path, [lines[0], JSON.stringify(unlinked)].join('\n'));
    const { report, problems } = await ingest([path]);
    expect(problems).toEqual([]);
    expect(report.items.inserted).toBe(1);
    expect((await store.getItem('ndjson-test', 'unlinked'))?.links).toEqual([
      { rel: 'collection', href: '../../ndjson-test', type: 'application/json' },
    ]);
  });

  it('writes items whose collection comes later in the stream once the collection is read', async () => {
    const reordered = await ndjsonOfLines('collection-last.ndjson', [1, 4, 7, 0]);
    const { report } = await ingest([reordered], { batchSize: 2 });
    expect(report.items.inserted).toBe(3);
    expect(report.rejected).toBe(0);
  });
});

describe('write modes', () => {
  it('insert rejects what exists, upsert replaces, skip-existing keeps', async () => {
    await ingest([NDJSON]);
    const again = await ingest([NDJSON]);
    expect(again.report.items).toEqual({ inserted: 0, updated: 0, skipped: 0 });
    expect(again.problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([
        "collection 'ndjson-test' already exists (use --mode upsert or --mode skip-existing)",
        "item 'a' already exists in collection 'ndjson-test' (use --mode upsert or --mode skip-existing)",
      ]),
    );
    const upsert = await ingest([NDJSON], { mode: 'upsert' });
    expect(upsert.report.items).toEqual({ inserted: 0, updated: 3, skipped: 0 });
    expect(upsert.report.collections.updated).toBe(1);
    const skip = await ingest([NDJSON], { mode: 'skip-existing' });
    expect(skip.report.items).toEqual({ inserted: 0, updated: 0, skipped: 3 });
  });

  it('in insert mode, a duplicate inside a batch rejects only the duplicate, not its batch', async () => {
    const { report, problems } = await ingest([join(SPEC, 'collection.json')]);
    expect(report.items.inserted).toBe(1);
    expect(problems.filter((p) => p.objectId === '20201211_223832_CS2')).toHaveLength(2);
  });
});

describe('strict mode', () => {
  it('aborts with nothing written when any object is invalid', async () => {
    const { report, where } = await ingest([NDJSON], { strict: true });
    expect(report.aborted).toBe(true);
    expect([...new Set(where)]).toEqual([`${NDJSON}:4:27`, `${NDJSON}:6`, `${NDJSON}:7`]);
    expect(await store.getCollection('ndjson-test')).toBeUndefined();
    expect(await allItems()).toEqual([]);
  });

  it('writes everything when clean, and aborts when an id would collide in insert mode', async () => {
    const clean = await ndjsonOfLines('clean.ndjson', [0, 1, 4, 7]);
    const first = await ingest([clean], { strict: true });
    expect(first.report).toMatchObject({ aborted: false, rejected: 0, items: { inserted: 3 } });
    const again = await ingest([clean], { strict: true });
    expect(again.report.aborted).toBe(true);
    expect(again.problems.map((p) => p.message)).toEqual([
      "collection 'ndjson-test' already exists (use --mode upsert or --mode skip-existing)",
      "item 'a' already exists in collection 'ndjson-test' (use --mode upsert or --mode skip-existing)",
      "item 'b' already exists in collection 'ndjson-test' (use --mode upsert or --mode skip-existing)",
      "item 'd' already exists in collection 'ndjson-test' (use --mode upsert or --mode skip-existing)",
    ]);
  });

  it('finds ids repeated within the sources and items whose collection is nowhere', async () => {
    const duplicates = await ingest([join(SPEC, 'collection.json')], { strict: true });
    expect(duplicates.problems.map((p) => p.message)).toEqual([
      "item '20201211_223832_CS2' of collection 'simple-collection' appears twice in the sources",
      "item '20201211_223832_CS2' of collection 'simple-collection' appears twice in the sources",
    ]);
    const orphan = await ingest([join(SPEC, 'extensions-collection/collection.json')], { strict: true });
    expect(orphan.problems.map((p) => p.message)).toEqual([
      "collection 'landsat-8-l1' does not exist in the catalogue nor in the sources; ingest it first",
    ]);
    expect(await allItems()).toEqual([]);
  });
});

describe('batches and progress', () => {
  it('writes in batches of the given size and reports progress with counts', async () => {
    const batches: number[] = [];
    const writeItems = store.writeItems.bind(store);
    store.writeItems = async (items, mode) => {
      batches.push(items.length);
      return writeItems(items, mode);
    };
    const progress: number[] = [];
    await ingest([join(FIXTURES, 'hls-item-collection.json')], {
      batchSize: 4,
      onProgress: (p) => progress.push(p.itemsInserted),
      // The HLS items name a collection the source does not contain.
      store: await withCollection('HLSL30.v1.5'),
    });
    expect(batches).toEqual([4, 4, 2]);
    expect(progress.at(-1)).toBe(10);
  });
});

async function withCollection(id: string): Promise<CatalogStore> {
  await store.putCollection(
    {
      type: 'Collection',
      stac_version: '1.1.0',
      id,
      description: 'test collection',
      license: 'other',
      extent: { spatial: { bbox: [[-180, -90, 180, 90]] }, temporal: { interval: [[null, null]] } },
      links: [],
    },
    'insert',
  );
  return store;
}
