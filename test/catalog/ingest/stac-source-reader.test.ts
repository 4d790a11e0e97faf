import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StacSourceEntry } from '../../../src/catalog/ingest/stac-source-entry.js';
import { formatOrigin } from '../../../src/catalog/ingest/stac-source-entry.js';
import { readStacSource } from '../../../src/catalog/ingest/stac-source-reader.js';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/ingest');

async function readAll(source: string): Promise<StacSourceEntry[]> {
  const entries: StacSourceEntry[] = [];
  for await (const entry of readStacSource(source)) entries.push(entry);
  return entries;
}

function summary(entries: StacSourceEntry[]) {
  return entries.map((entry) =>
    entry.kind === 'problem'
      ? { kind: entry.kind, at: formatOrigin(entry.origin) }
      : { kind: entry.kind, id: entry.object.id, parent: entry.parentCollectionId },
  );
}

describe('static catalog reader', () => {
  it('follows relative child and item links depth first, skips cycles and duplicates, reports missing children', async () => {
    const entries = await readAll(join(FIXTURES, 'nested-catalog'));
    expect(summary(entries)).toEqual([
      { kind: 'catalog', id: 'lagoon-root', parent: undefined },
      { kind: 'collection', id: 'lagoon-surveys', parent: undefined },
      { kind: 'item', id: 'survey-1', parent: 'lagoon-surveys' },
      { kind: 'item', id: 'survey-2', parent: 'lagoon-surveys' },
      // The sub-catalog links back to the root (a cycle) and to survey-1 again: both are skipped.
      { kind: 'catalog', id: 'lagoon-2021', parent: 'lagoon-surveys' },
      { kind: 'item', id: 'survey-3', parent: 'lagoon-surveys' },
      { kind: 'problem', at: join(FIXTURES, 'nested-catalog/missing/catalog.json') },
    ]);
    const missing = entries.at(-1) as Extract<StacSourceEntry, { kind: 'problem' }>;
    expect(missing.message).toMatch(/^no such file: .*missing\/catalog\.json$/);
    const survey3 = entries[5] as Exclude<StacSourceEntry, { kind: 'problem' }>;
    expect(survey3.origin.location).toBe(
      join(FIXTURES, 'nested-catalog/lagoon/items/survey-3/survey-3.json'),
    );
  });

  it('reads the official STAC 1.1.0 example catalog from its folder, each document once', async () => {
    const entries = await readAll(join(FIXTURES, 'stac-spec-v1.1.0'));
    expect(entries.filter((e) => e.kind === 'problem')).toEqual([]);
    const ids = summary(entries).map((e) => `${e.kind}:${'id' in e ? e.id : ''}`);
    expect(ids).toEqual([
      'catalog:examples',
      'item:CS3-20160503_132131_08',
      'collection:extensions-collection',
      'item:proj-example',
      'collection:sentinel-2',
      'collection:sentinel-2',
    ]);
    const collectionless = entries[1] as Exclude<StacSourceEntry, { kind: 'problem' }>;
    expect(collectionless.parentCollectionId).toBeUndefined();
  });

  it('starts from a collection.json path, following its item links', async () => {
    const entries = await readAll(join(FIXTURES, 'stac-spec-v1.1.0/collection.json'));
    expect(summary(entries)).toEqual([
      { kind: 'collection', id: 'simple-collection', parent: undefined },
      { kind: 'item', id: '20201211_223832_CS2', parent: 'simple-collection' },
      { kind: 'item', id: '20201211_223832_CS2', parent: 'simple-collection' },
      { kind: 'item', id: '20201211_223832_CS2', parent: 'simple-collection' },
    ]);
  });

  it('walks up through child links too: a child may link to an ancestor, visited once', async () => {
    const entries = await readAll(join(FIXTURES, 'nested-catalog/lagoon/collection.json'));
    expect(summary(entries).map((e) => ('id' in e ? e.id : e.kind))).toEqual([
      'lagoon-surveys',
      'survey-1',
      'survey-2',
      'lagoon-2021',
      'survey-3',
      'lagoon-root',
      'problem',
    ]);
  });
});

describe('ItemCollection and JSON documents', () => {
  it('yields every feature with its JSON pointer and does not follow a next link out of a local file', async () => {
    const entries = await readAll(join(FIXTURES, 'hls-item-collection.json'));
    expect(entries).toHaveLength(10);
    expect(entries.every((e) => e.kind === 'item')).toBe(true);
    expect(formatOrigin(entries[3].origin)).toBe(`${join(FIXTURES, 'hls-item-collection.json')}#/features/3`);
  });

  it('reports a syntax error of a JSON document with its line and column', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fournaise-reader-'));
    try {
      const path = join(dir, 'broken.json');
      await writeFile(path, '{\n  "type": "Feature",\n  "id": oops\n}\n');
      const [entry] = await readAll(path);
      expect(entry.kind).toBe('problem');
      expect(formatOrigin(entry.origin)).toBe(`${path}:3:9`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('NDJSON reader', () => {
  const path = join(FIXTURES, 'items-with-problems.ndjson');

  it('gives every object its file:line and turns bad lines into located problems', async () => {
    const entries = await readAll(path);
    expect(entries.map((e) => `${e.kind}@${e.origin.line}`)).toEqual([
      'collection@1',
      'item@2',
      'problem@4',
      'item@5',
      'item@6',
      'problem@7',
      'item@8',
    ]);
    const broken = entries[2] as Extract<StacSourceEntry, { kind: 'problem' }>;
    expect(formatOrigin(broken.origin)).toBe(`${path}:4:27`);
    expect(broken.message).toMatch(/^invalid JSON: /);
    const notStac = entries[5] as Extract<StacSourceEntry, { kind: 'problem' }>;
    expect(notStac.message).toBe(
      'not a STAC object: no "type" member (expected Feature, Collection, Catalog or FeatureCollection)',
    );
  });

  it('recognises NDJSON in a file named .json', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fournaise-reader-'));
    try {
      const renamed = join(dir, 'items.json');
      await writeFile(renamed, await readFile(path, 'utf8'));
      const entries = await readAll(renamed);
      expect(entries.map((e) => `${e.kind}@${e.origin.line}`)).toContain('problem@4');
      expect(entries.filter((e) => e.kind === 'item')).toHaveLength(4);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reports a missing file as a problem, not an exception', async () => {
    const entries = await readAll(join(FIXTURES, 'does-not-exist.ndjson'));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: 'problem', message: expect.stringMatching(/^no such file: /) });
  });
});

describe('folder without a catalog', () => {
  let dir: string;
  beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'fournaise-reader-'))));
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('says what it looked for when the folder holds no STAC file', async () => {
    const [entry] = await readAll(dir);
    expect(entry).toMatchObject({
      kind: 'problem',
      message: 'folder has neither catalog.json nor collection.json nor any .json or .ndjson file',
    });
  });

  it('reads every .json and .ndjson file in name order, sub-folders included, hidden ones skipped', async () => {
    const { cp, mkdir } = await import('node:fs/promises');
    await mkdir(join(dir, 'b-items'));
    await mkdir(join(dir, '.cache'));
    await cp(join(FIXTURES, 'stac-spec-v1.1.0/simple-item.json'), join(dir, 'b-items/simple-item.json'));
    await cp(
      join(FIXTURES, 'stac-spec-v1.1.0/collection-only/collection.json'),
      join(dir, 'a-collection.json'),
    );
    await cp(join(FIXTURES, 'items-with-problems.ndjson'), join(dir, '.cache/ignored.ndjson'));
    await writeFile(join(dir, 'notes.txt'), 'not STAC');
    // A collection next to its item files: the items are read once, through the collection's links.
    await mkdir(join(dir, 'c'));
    for (const name of ['collection.json', 'simple-item.json', 'core-item.json', 'extended-item.json']) {
      await cp(join(FIXTURES, 'stac-spec-v1.1.0', name), join(dir, 'c', name));
    }
    const entries = await readAll(dir);
    expect(entries.map((e) => `${e.kind} ${e.origin.location}`)).toEqual([
      `collection ${join(dir, 'a-collection.json')}`,
      `item ${join(dir, 'b-items/simple-item.json')}`,
      `collection ${join(dir, 'c/collection.json')}`,
      `item ${join(dir, 'c/simple-item.json')}`,
      `item ${join(dir, 'c/core-item.json')}`,
      `item ${join(dir, 'c/extended-item.json')}`,
    ]);
  });
});
