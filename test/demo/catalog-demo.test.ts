import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StacCollection, StacItem } from '../../src/catalog/model/stac-types.js';
import type { CatalogStore } from '../../src/catalog/store/catalog-store.js';
import { openSqliteCatalogStore } from '../../src/catalog/store/sqlite/sqlite-catalog-store.js';
import { validateStac } from '../../src/catalog/validation/stac-validator.js';
import { generateCatalogDemo } from '../../src/demo/catalog/catalog-demo-contribution.js';
import { MAYOTTE_BBOX, REUNION_BBOX, SENTINEL2_TILE_40KCB } from '../../src/demo/catalog/demo-places.js';
import {
  buildDemoCentre,
  DEFAULT_DEMO_SEED,
  DEMO_INCOMPLETE_MARKER,
  type DemoProgressEvent,
  isDemoBuildNeeded,
} from '../../src/demo/demo-builder.js';
import { SeededRandom } from '../../src/demo/seeded-random.js';
import { copyOfDemoCentre, DEMO_HOOK_TIMEOUT_MS } from '../support/demo-template.js';

const demo = generateCatalogDemo(new SeededRandom(DEFAULT_DEMO_SEED));
const collections = demo.map((entry) => entry.collection);
const items = demo.flatMap((entry) => entry.items);
const byId = new Map(demo.map((entry) => [entry.collection.id, entry]));

describe('catalogue demo documents', () => {
  it('are the same for the same seed and differ for another seed', () => {
    expect(generateCatalogDemo(new SeededRandom(DEFAULT_DEMO_SEED))).toEqual(demo);
    expect(generateCatalogDemo(new SeededRandom('another seed'))).not.toEqual(demo);
  });

  it('all pass validateStac, with every declared extension checked', () => {
    for (const object of [...collections, ...items]) {
      const report = validateStac(object);
      expect({ id: object.id, errors: report.errors, unknown: report.unknownExtensions }).toEqual({
        id: object.id,
        errors: [],
        unknown: [],
      });
    }
  });

  it('are all labelled synthetic, in the flag, the description and the keywords', () => {
    for (const collection of collections) {
      expect(collection['fournaise:synthetic']).toBe(true);
      expect(collection.description).toMatch(/synthétiques[\s\S]*Synthetic/);
      expect(collection.keywords).toEqual(expect.arrayContaining(['données synthétiques', 'synthetic data']));
      expect(collection['sci:doi']).toMatch(/^10\.5072\//);
    }
    for (const item of items) {
      expect(item.properties['fournaise:synthetic']).toBe(true);
      expect(item.properties.keywords).toEqual(expect.arrayContaining(['synthétique', 'synthetic']));
    }
  });

  it('contain the collections the demo promises, with unique ids', () => {
    expect(collections.map((c) => c.id)).toEqual([
      'theia-l3a-reunion-monthly',
      'sentinel2-l2a-theia-reunion',
      'reunion-land-cover',
      'hermitage-mnt',
      'hermitage-orthophoto',
      'pleiades-dsm-piton-fournaise',
      'pleiades-reunion-2025',
      'pleiades-mayotte-chido',
      'hell-bourg-orthophoto',
      'erorun-riviere-des-pluies',
      'gnss-piton-fournaise',
    ]);
    expect(new Set(items.map((item) => `${item.collection}/${item.id}`)).size).toBe(items.length);
  });

  it('have 22 Hermitage surveys from 2019-11 to 2024-05 in EPSG:2975, the same dates for DEM and orthophoto', () => {
    for (const id of ['hermitage-mnt', 'hermitage-orthophoto']) {
      const surveys = byId.get(id)!.items;
      expect(surveys).toHaveLength(22);
      const dates = surveys.map((item) => item.properties.datetime as string);
      expect(dates[0].slice(0, 7)).toBe('2019-11');
      expect(dates.at(-1)!.slice(0, 7)).toBe('2024-05');
      expect([...dates].sort()).toEqual(dates);
      expect(surveys.every((item) => item.properties['proj:code'] === 'EPSG:2975')).toBe(true);
    }
    const dem = byId.get('hermitage-mnt')!.items.map((i) => i.properties.datetime);
    expect(byId.get('hermitage-orthophoto')!.items.map((i) => i.properties.datetime)).toEqual(dem);
  });

  it('lie at the true coordinates of La Réunion or Mayotte and their coastal waters', () => {
    // The islands' bboxes widened by about 10 km, for scenes and lagoons that reach out to sea.
    const reunion = [
      REUNION_BBOX[0] - 0.1,
      REUNION_BBOX[1] - 0.1,
      REUNION_BBOX[2] + 0.1,
      REUNION_BBOX[3] + 0.1,
    ];
    const mayotte = [
      MAYOTTE_BBOX[0] - 0.1,
      MAYOTTE_BBOX[1] - 0.1,
      MAYOTTE_BBOX[2] + 0.1,
      MAYOTTE_BBOX[3] + 0.1,
    ];
    expect(REUNION_BBOX.map((v) => Math.round(v * 10) / 10)).toEqual([55.2, -21.4, 55.8, -20.9]);
    const inside = (bbox: number[], area: number[]) =>
      bbox[0] >= area[0] && bbox[1] >= area[1] && bbox[2] <= area[2] && bbox[3] <= area[3];
    for (const item of items) {
      const bbox = item.bbox as number[];
      if (item.collection === 'pleiades-mayotte-chido') expect(inside(bbox, mayotte), item.id).toBe(true);
      // The Sentinel-2 tile T40KCB is a 110 km square around the island.
      else if (item.properties.constellation === 'sentinel-2')
        expect(inside(REUNION_BBOX, bbox), item.id).toBe(true);
      else expect(inside(bbox, reunion), item.id).toBe(true);
    }
    expect(SENTINEL2_TILE_40KCB.id).toBe('T40KCB');
  });

  it('give land-cover maps in 4, 11 and 30 classes for each year 2016–2020', () => {
    const maps = byId.get('reunion-land-cover')!.items;
    expect(maps.map((item) => item.properties.start_datetime)).toEqual(
      [2016, 2017, 2018, 2019, 2020].map((year) => `${year}-01-01T00:00:00Z`),
    );
    for (const item of maps) {
      expect(
        Object.values(item.assets).map((asset) => (asset['classification:classes'] as unknown[]).length),
      ).toEqual([4, 11, 30]);
    }
  });

  it('point assets at files under assets/<collection>/<item>/, relative to the data directory', () => {
    for (const item of items) {
      for (const asset of Object.values(item.assets)) {
        expect(asset.href.startsWith(`assets/${item.collection}/${item.id}/`)).toBe(true);
      }
    }
  });
});

describe('buildDemoCentre', () => {
  let dir: string;
  beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'fournaise-demo-'))));
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  async function storedDocuments(store: CatalogStore): Promise<(StacCollection | StacItem)[]> {
    const page = await store.searchCollections({ limit: 1000 });
    const found = await store.search({ limit: 10_000, sortby: [{ field: 'id', direction: 'asc' }] });
    return [...page.collections, ...found.items];
  }

  /** SHA-256 of every file under the data directory's assets folder, by relative path. */
  async function assetHashes(dataDir: string): Promise<Map<string, string>> {
    const root = join(dataDir, 'assets');
    const files = (await readdir(root, { recursive: true, withFileTypes: true })).filter((entry) =>
      entry.isFile(),
    );
    const hashes = new Map<string, string>();
    for (const file of files) {
      const path = join(file.parentPath, file.name);
      hashes.set(
        relative(root, path),
        createHash('sha256')
          .update(await readFile(path))
          .digest('hex'),
      );
    }
    return hashes;
  }

  async function documentsAndFiles(dataDir: string) {
    const catalog = openSqliteCatalogStore({ dataDir });
    try {
      return { documents: await storedDocuments(catalog), files: await assetHashes(dataDir) };
    } finally {
      await catalog.close();
    }
  }

  // One build here, compared with the run's shared build made by another process (test/support/demo-template.ts):
  // 163 COGs each, under a minute on a fast machine, several minutes on a slow, busy one.
  it(
    'writes identical documents and byte-identical raster files in two builds, reports progress, and clears its marker',
    async () => {
      const dataDir = join(dir, 'fresh');
      expect(await isDemoBuildNeeded(dataDir)).toBe(true);
      const catalog = openSqliteCatalogStore({ dataDir });
      const events: DemoProgressEvent[] = [];
      try {
        await buildDemoCentre({ catalog, dataDir, onProgress: (event) => events.push(event) });
      } finally {
        await catalog.close();
      }
      const catalogEvents = events.filter((event) => event.contribution === 'catalog');
      expect(catalogEvents.at(-1)).toMatchObject({ done: items.length, total: items.length });
      expect(events.at(-1)?.step).toBe(events.at(-1)?.steps);
      expect(await readdir(dataDir)).not.toContain(DEMO_INCOMPLETE_MARKER);
      expect(await isDemoBuildNeeded(dataDir)).toBe(false);

      const fresh = await documentsAndFiles(dataDir);
      const sharedDir = await copyOfDemoCentre('demo-determinism');
      const shared = await documentsAndFiles(sharedDir).finally(() =>
        rm(sharedDir, { recursive: true, force: true }),
      );
      expect(fresh.documents).toHaveLength(collections.length + items.length);
      expect(shared.documents).toEqual(fresh.documents);
      expect(fresh.files.size).toBeGreaterThan(100);
      expect(shared.files).toEqual(fresh.files);
    },
    DEMO_HOOK_TIMEOUT_MS,
  );
});
