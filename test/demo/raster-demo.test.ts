/**
 * The raster part of the demo centre, built once into a temporary data directory: every raster asset of the
 * demo's items is a COG whose header agrees with its item, the known quantities in the items (sand volumes,
 * lava-flow volume, landslide displacement, monthly composites) are recomputed from the files, land-cover levels
 * nest, GDAL reads the files as COGs with the same values, and a demo tile renders through the API.
 * Byte-identical rebuilds are checked in catalog-demo.test.ts, which builds the whole demo twice.
 */
import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Polygon } from 'geojson';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/build-app.js';
import { rasterPlugin } from '../../src/api/raster/raster-plugin.js';
import type { StacAsset, StacItem } from '../../src/catalog/model/stac-types.js';
import type { CatalogStore } from '../../src/catalog/store/catalog-store.js';
import { openSqliteCatalogStore } from '../../src/catalog/store/sqlite/sqlite-catalog-store.js';
import { validateStac } from '../../src/catalog/validation/stac-validator.js';
import { LAND_COVER_LEVEL_2, LAND_COVER_LEVEL_3 } from '../../src/demo/catalog/land-cover-classes.js';
import { projectLonLat } from '../../src/demo/catalog/demo-places.js';
import { isCog, RASTER_DEMO_COLLECTIONS } from '../../src/demo/raster/raster-demo-contribution.js';
import { CogReader } from '../../src/raster/cog/cog-reader.js';
import type { RasterArray } from '../../src/raster/raster-types.js';
import { FileByteSource } from '../../src/raster/source/file-byte-source.js';
import { resolveAssetHref } from '../../src/server.js';
import { describeWithGdal, gdalReadRaw } from '../raster/support/gdal-cli.js';
import { copyOfDemoCentre, DEMO_HOOK_TIMEOUT_MS } from '../support/demo-template.js';

const execFileAsync = promisify(execFile);

let dataDir: string;
let catalog: CatalogStore;
const items = new Map<string, StacItem[]>();
const rasterAssets: { item: StacItem; key: string; asset: StacAsset }[] = [];

async function open(asset: StacAsset): Promise<CogReader> {
  return CogReader.open(new FileByteSource(join(dataDir, asset.href)));
}

async function readAll(asset: StacAsset): Promise<{ reader: CogReader; bands: RasterArray[] }> {
  const reader = await open(asset);
  const { width, height } = reader.info;
  const block = await reader.readWindow({ x: 0, y: 0, width, height });
  return { reader, bands: block.bands };
}

/** Ray-casting point-in-polygon on the outer ring. */
function inside(ring: number[][], x: number, y: number): boolean {
  let result = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) result = !result;
  }
  return result;
}

const byDate = (list: StacItem[]) =>
  [...list].sort((a, b) => String(a.properties.datetime).localeCompare(String(b.properties.datetime)));

beforeAll(async () => {
  dataDir = await copyOfDemoCentre('raster-demo');
  catalog = openSqliteCatalogStore({ dataDir });
  for (const collection of RASTER_DEMO_COLLECTIONS) {
    const page = await catalog.search({ collections: [collection], limit: 1000 });
    items.set(collection, page.items);
    for (const item of page.items) {
      for (const [key, asset] of Object.entries(item.assets)) {
        if (isCog(asset)) rasterAssets.push({ item, key, asset });
      }
    }
  }
}, DEMO_HOOK_TIMEOUT_MS);

afterAll(async () => {
  await catalog?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('raster demo files', () => {
  it('back every local asset of every demo item: no href leads nowhere', async () => {
    const everyItem = await catalog.search({ limit: 1000 });
    expect(everyItem.next).toBeUndefined();
    const local = everyItem.items.flatMap((item) =>
      Object.values(item.assets).filter((asset) => !/^[a-z]+:/i.test(asset.href)),
    );
    expect(local.length).toBeGreaterThanOrEqual(rasterAssets.length);
    const missing = local
      .filter((asset) => !existsSync(join(dataDir, asset.href)))
      .map((asset) => asset.href);
    expect(missing).toEqual([]);
  });

  it('exist for every raster asset, with the size the item states, in small enough files', () => {
    expect(rasterAssets.length).toBe(36 * 2 + 6 * 2 + 5 * 3 + 22 * 2 + 4 + 2 + 8 + 6);
    let total = 0;
    for (const { asset } of rasterAssets) {
      const size = statSync(join(dataDir, asset.href)).size;
      expect(asset['file:size'], asset.href).toBe(size);
      total += size;
    }
    console.info(`raster demo: ${rasterAssets.length} COGs, ${(total / 1e6).toFixed(1)} MB`);
    expect(total).toBeLessThan(150e6);
  });

  it('have headers that agree with their items (shape, transform, EPSG, bands, data type, nodata)', async () => {
    for (const { item, asset } of rasterAssets) {
      const reader = await open(asset);
      try {
        const { info } = reader;
        const [rows, cols] = item.properties['proj:shape'] as number[];
        const [a, , c, , e, f] = item.properties['proj:transform'] as number[];
        expect({ href: asset.href, size: [info.height, info.width], gt: info.geoTransform }).toEqual({
          href: asset.href,
          size: [rows, cols],
          gt: [c, a, 0, f, 0, e],
        });
        expect(`EPSG:${info.epsg}`).toBe(item.properties['proj:code']);
        expect(info.dataType).toBe(asset.data_type);
        expect(info.nodata ?? undefined).toBe(asset.nodata);
        const bands = asset.bands as unknown[] | undefined;
        expect(info.bandCount).toBe(bands?.length ?? 1);
        expect(info.isTiled).toBe(true);
      } finally {
        await reader.close();
      }
    }
  });

  it('say they are synthetic, in the file and in the item', async () => {
    const { item, asset } = rasterAssets[0];
    const reader = await open(asset);
    expect(reader.info.bands[0].description).toMatch(/synthetic/);
    await reader.close();
    expect(item.properties['fournaise:synthetic']).toBe(true);
  });

  it('leave every updated item valid STAC (file extension included)', () => {
    for (const list of items.values()) {
      for (const item of list) {
        const report = validateStac(item);
        expect({ id: item.id, errors: report.errors, unknown: report.unknownExtensions }).toEqual({
          id: item.id,
          errors: [],
          unknown: [],
        });
      }
    }
  });
});

describe('known quantities recomputed from the files', () => {
  it('Hermitage: sand volumes in the stated zone and their changes between surveys (±0.05 m³)', async () => {
    const dems = byDate(items.get('hermitage-mnt')!);
    expect(dems).toHaveLength(22);
    let previous: number | undefined;
    const changes: number[] = [];
    for (const item of dems) {
      const zone = item.properties['fournaise:sand_volume_zone'] as { polygon: Polygon; datum_m: number };
      const ring = zone.polygon.coordinates[0];
      const { reader, bands } = await readAll(item.assets.dem);
      const [x0, xRes, , y0, , yStep] = reader.info.geoTransform;
      let volume = 0;
      for (let row = 0; row < reader.info.height; row++) {
        for (let col = 0; col < reader.info.width; col++) {
          const z = bands[0][row * reader.info.width + col];
          if (z === -9999 || z <= zone.datum_m) continue;
          if (inside(ring, x0 + (col + 0.5) * xRes, y0 + (row + 0.5) * yStep)) volume += z - zone.datum_m;
        }
      }
      volume *= Math.abs(xRes * yStep);
      await reader.close();
      expect(volume).toBeCloseTo(item.properties['fournaise:sand_volume_m3'] as number, 1);
      if (previous !== undefined) {
        const change = item.properties['fournaise:sand_volume_change_m3'] as number;
        expect(volume - previous).toBeCloseTo(change, 1);
        changes.push(change);
      } else expect(item.properties['fournaise:sand_volume_change_m3']).toBeNull();
      previous = volume;
    }
    // The surveys show both accretion and storm erosion, of hundreds to thousands of cubic metres.
    expect(Math.min(...changes)).toBeLessThan(-1000);
    expect(Math.max(...changes)).toBeGreaterThan(100);
  });

  it('Piton de la Fournaise: after − before DSM is the lava flow of the stated volume and area, inside its outline', async () => {
    const dsms = byDate(items.get('pleiades-dsm-piton-fournaise')!);
    const afters = dsms.filter((item) => item.properties['fournaise:lava_flow_volume_m3'] !== undefined);
    expect(afters).toHaveLength(2);
    for (const after of afters) {
      const before = dsms.find((item) => item.id === after.properties['fournaise:lava_flow_reference_item'])!;
      const a = await readAll(after.assets.dsm);
      const b = await readAll(before.assets.dsm);
      const [x0, xRes, , y0, , yStep] = a.reader.info.geoTransform;
      const outline = (after.properties['fournaise:lava_flow_outline'] as Polygon).coordinates[0].map(
        ([lon, lat]) => projectLonLat(2975, lon, lat),
      );
      let volume = 0;
      let changed = 0;
      let changedInside = 0;
      for (let i = 0; i < a.bands[0].length; i++) {
        const difference = a.bands[0][i] - b.bands[0][i];
        if (a.bands[0][i] === -32768) continue;
        volume += difference;
        if (difference > 0.01) {
          changed++;
          const col = i % a.reader.info.width;
          const row = Math.floor(i / a.reader.info.width);
          if (inside(outline, x0 + (col + 0.5) * xRes, y0 + (row + 0.5) * yStep)) changedInside++;
        }
      }
      const area = Math.abs(xRes * yStep);
      volume *= area;
      const stated = after.properties['fournaise:lava_flow_volume_m3'] as number;
      expect(Math.abs(volume - stated)).toBeLessThan(1);
      expect(stated).toBeGreaterThan(1e6);
      expect(changed * area).toBeLessThanOrEqual(after.properties['fournaise:lava_flow_area_m2'] as number);
      expect(changed * area).toBeGreaterThan(
        0.9 * (after.properties['fournaise:lava_flow_area_m2'] as number),
      );
      expect(changedInside / changed).toBeGreaterThan(0.98);
      await a.reader.close();
      await b.reader.close();
    }
  });

  it('Hell-Bourg: image correlation finds the stated displacement at sampled points (±0.6 m)', async () => {
    const [first, second] = byDate(items.get('hell-bourg-orthophoto')!);
    const field = second.properties['fournaise:displacement_field'] as {
      centre: [number, number];
      azimuth_deg: number;
      max_displacement_m: number;
      along_radius_m: number;
      across_radius_m: number;
    };
    const expected = (x: number, y: number): [number, number] => {
      const az = (field.azimuth_deg * Math.PI) / 180;
      const along = (x - field.centre[0]) * Math.sin(az) + (y - field.centre[1]) * Math.cos(az);
      const across = (x - field.centre[0]) * Math.cos(az) - (y - field.centre[1]) * Math.sin(az);
      const size =
        field.max_displacement_m *
        Math.exp(-((along / field.along_radius_m) ** 2) - (across / field.across_radius_m) ** 2);
      return [size * Math.sin(az), size * Math.cos(az)];
    };
    const before = await readAll(first.assets.orthophoto);
    const after = await readAll(second.assets.orthophoto);
    const { width } = before.reader.info;
    const [x0, pixel, , y0] = before.reader.info.geoTransform;
    const green = (bands: RasterArray[], col: number, row: number) => bands[1][row * width + col];
    /** Normalised cross-correlation of the after patch at (col, row) with the before patch shifted by (dc, dr). */
    const ncc = (col: number, row: number, dc: number, dr: number) => {
      const half = 12;
      let sa = 0,
        sb = 0,
        saa = 0,
        sbb = 0,
        sab = 0,
        n = 0;
      for (let r = -half; r <= half; r++) {
        for (let c = -half; c <= half; c++) {
          const va = green(after.bands, col + c, row + r);
          const vb = green(before.bands, col + c - dc, row + r - dr);
          sa += va;
          sb += vb;
          saa += va * va;
          sbb += vb * vb;
          sab += va * vb;
          n++;
        }
      }
      return (sab - (sa * sb) / n) / Math.sqrt((saa - (sa * sa) / n) * (sbb - (sb * sb) / n));
    };
    const offsets = [
      [100, -300],
      [-300, 200],
      [0, 0],
      [150, 100],
      [-200, -120],
      [300, -250],
      [-900, 700],
    ];
    for (const [ox, oy] of offsets) {
      const x = field.centre[0] + ox;
      const y = field.centre[1] + oy;
      const col = Math.floor((x - x0) / pixel);
      const row = Math.floor((y0 - y) / pixel);
      let best = { score: -2, dc: 0, dr: 0 };
      for (let dr = -5; dr <= 5; dr++) {
        for (let dc = -5; dc <= 5; dc++) {
          const score = ncc(col, row, dc, dr);
          if (score > best.score) best = { score, dc, dr };
        }
      }
      // Sub-pixel peak by a parabola through the neighbours, in each direction.
      const peak = (m: number, c0: number, p: number) => (m - p) / (2 * (m - 2 * c0 + p));
      const sub = {
        dc:
          best.dc +
          peak(ncc(col, row, best.dc - 1, best.dr), best.score, ncc(col, row, best.dc + 1, best.dr)),
        dr:
          best.dr +
          peak(ncc(col, row, best.dc, best.dr - 1), best.score, ncc(col, row, best.dc, best.dr + 1)),
      };
      const [east, north] = expected(x0 + (col + 0.5) * pixel, y0 - (row + 0.5) * pixel);
      expect(best.score).toBeGreaterThan(0.8);
      expect(Math.abs(sub.dc * pixel - east), `east at ${ox},${oy}`).toBeLessThan(0.6);
      expect(Math.abs(-sub.dr * pixel - north), `north at ${ox},${oy}`).toBeLessThan(0.6);
    }
    await before.reader.close();
    await after.reader.close();
  });

  it('THEIA L3A: each synthesis is the per-pixel mean of the clear pixels of its month’s scenes', async () => {
    const synthesis = items.get('theia-l3a-reunion-monthly')!.find((item) => item.id.includes('202403'))!;
    const inputs = synthesis.properties['fournaise:composite_of'] as string[];
    const scenes = items.get('sentinel2-l2a-theia-reunion')!.filter((scene) => inputs.includes(scene.id));
    expect(scenes.length).toBeGreaterThanOrEqual(5);
    expect(scenes.every((scene) => (scene.properties.datetime as string).startsWith('2024-03'))).toBe(true);
    const composite = await readAll(synthesis.assets.reflectance);
    const count = composite.bands[0].length;
    const sums = [0, 1, 2, 3].map(() => new Float64Array(count));
    const clear = new Uint16Array(count);
    for (const scene of scenes) {
      const reflectance = await readAll(scene.assets.reflectance);
      const mask = await readAll(scene.assets['cloud-mask']);
      for (let i = 0; i < count; i++) {
        if (mask.bands[0][i] !== 0) continue;
        clear[i]++;
        for (let b = 0; b < 4; b++) sums[b][i] += reflectance.bands[b][i];
      }
      await reflectance.reader.close();
      await mask.reader.close();
    }
    let mismatches = 0;
    let holes = 0;
    for (let i = 0; i < count; i++) {
      if (clear[i] === 0) holes++;
      for (let b = 0; b < 4; b++) {
        const expected = clear[i] === 0 ? -10000 : Math.round(sums[b][i] / clear[i]);
        if (composite.bands[b][i] !== expected) mismatches++;
      }
    }
    expect(mismatches).toBe(0);
    expect(synthesis.properties['eo:cloud_cover']).toBeCloseTo((100 * holes) / count, 2);
    // The layers agree with the terrain: the sea is dark in the near infrared, vegetation bright, lava dark.
    const pixelAt = (lon: number, lat: number) => {
      const [x, y] = projectLonLat(32740, lon, lat);
      const [x0, xRes, , y0, , yStep] = composite.reader.info.geoTransform;
      return Math.floor((y - y0) / yStep) * composite.reader.info.width + Math.floor((x - x0) / xRes);
    };
    const nir = composite.bands[3];
    expect(nir[pixelAt(55.0, -21.1)]).toBeLessThan(300); // open sea west of the island
    expect(nir[pixelAt(55.62, -21.03)]).toBeGreaterThan(2500); // windward rain forest and cane fields
    expect(nir[pixelAt(55.76, -21.25)]).toBeLessThan(900); // bare lava in the Enclos Fouqué
    await composite.reader.close();
  });

  it('land cover: the 11- and 4-class maps generalise the 30-class map, with classes from the item', async () => {
    const parent2 = new Map(LAND_COVER_LEVEL_3.map((c) => [c.value, c.parent!]));
    const parent1 = new Map(LAND_COVER_LEVEL_2.map((c) => [c.value, c.parent!]));
    for (const item of items.get('reunion-land-cover')!) {
      const [l30, l11, l4] = await Promise.all(
        ['landcover-30', 'landcover-11', 'landcover-4'].map((key) => readAll(item.assets[key])),
      );
      const present = new Set<number>();
      let mismatches = 0;
      for (let i = 0; i < l30.bands[0].length; i++) {
        const value = l30.bands[0][i];
        present.add(value);
        if (l11.bands[0][i] !== (value === 0 ? 0 : parent2.get(value))) mismatches++;
        if (l4.bands[0][i] !== (value === 0 ? 0 : parent1.get(l11.bands[0][i]))) mismatches++;
      }
      expect(mismatches).toBe(0);
      const declared = (item.assets['landcover-30']['classification:classes'] as { value: number }[]).map(
        (c) => c.value,
      );
      expect([...present].filter((value) => value !== 0 && !declared.includes(value))).toEqual([]);
      expect(present.size).toBeGreaterThan(20);
      for (const map of [l30, l11, l4]) await map.reader.close();
    }
  });
});

describeWithGdal('raster demo files read by GDAL', () => {
  // 163 gdalinfo starts: 10 s on a fast machine, over a minute on a slow, busy one.
  it('are all recognised as COGs (LAYOUT=COG)', async () => {
    const layouts = new Map<string, string>();
    // Four gdalinfo processes at a time: the check is process start-up bound.
    const queue = rasterAssets.map(({ asset }) => asset.href);
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let href = queue.pop(); href; href = queue.pop()) {
          const { stdout } = await execFileAsync('gdalinfo', [
            '-json',
            '-norat',
            '-noct',
            join(dataDir, href),
          ]);
          const info = JSON.parse(stdout) as { metadata?: { IMAGE_STRUCTURE?: { LAYOUT?: string } } };
          layouts.set(href, info.metadata?.IMAGE_STRUCTURE?.LAYOUT ?? 'none');
        }
      }),
    );
    expect(layouts.size).toBe(rasterAssets.length);
    expect([...layouts].filter(([, layout]) => layout !== 'COG')).toEqual([]);
  }, 300_000);

  // One gdal_translate start per asset: about 30 s on a slow, busy machine.
  it('give GDAL the same pixel values as the engine, one file of each kind', async () => {
    const samples = RASTER_DEMO_COLLECTIONS.map((collection) => items.get(collection)![0]);
    for (const item of samples) {
      for (const asset of Object.values(item.assets).filter(isCog)) {
        const reader = await open(asset);
        const window = {
          x: Math.floor(reader.info.width / 2) - 16,
          y: Math.floor(reader.info.height / 2) - 16,
          width: 32,
          height: 32,
        };
        const block = await reader.readWindow(window);
        const bytesPerSample = block.bands[0].BYTES_PER_ELEMENT;
        const raw = gdalReadRaw(join(dataDir, asset.href), window, {
          bandCount: reader.info.bandCount,
          bytesPerSample,
        });
        block.bands.forEach((band, index) => {
          expect(
            Buffer.from(raw[index]).equals(Buffer.from(band.buffer, band.byteOffset, band.byteLength)),
            asset.href,
          ).toBe(true);
        });
        await reader.close();
      }
    }
  }, 180_000);
});

describe('a demo item through the tile API', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = buildApp({ catalog, baseUrl: 'http://data.test' });
    await app.register(rasterPlugin, {
      prefix: '/api',
      getItem: (collectionId, itemId) => catalog.getItem(collectionId, itemId),
      resolveAssetHref: (href) => resolveAssetHref(href, [dataDir]),
    });
    await app.ready();
  });
  afterAll(() => app.close());

  /** The Web Mercator tile at zoom z holding the Piton des Neiges. */
  const tileAtNeiges = (z: number) => {
    const n = 2 ** z;
    const lat = (-21.0989 * Math.PI) / 180;
    const x = Math.floor(((55.4887 + 180) / 360) * n);
    const y = Math.floor(((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2) * n);
    return `${z}/${x}/${y}`;
  };

  /** The distinct opaque RGB colours of a PNG tile. */
  async function colours(body: Buffer): Promise<Set<number>> {
    const { data, info } = await sharp(body).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const found = new Set<number>();
    for (let i = 0; i < info.width * info.height; i++) {
      if (data[i * 4 + 3] > 0) found.add((data[i * 4] << 16) | (data[i * 4 + 1] << 8) | data[i * 4 + 2]);
    }
    return found;
  }

  it('renders a non-blank tile of a monthly synthesis over the island', async () => {
    const synthesis = items.get('theia-l3a-reunion-monthly')![0];
    const response = await app.inject(
      `/api/collections/${synthesis.collection}/items/${synthesis.id}/tiles/WebMercatorQuad/${tileAtNeiges(10)}.png?assets=reflectance&bidx=3,2,1&rescale=0,1500&rescale=0,1500&rescale=0,1500`,
    );
    expect(response.statusCode, response.body).toBe(200);
    expect((await colours(response.rawPayload)).size).toBeGreaterThan(100);
  });

  it('renders a land-cover tile with its classification colours', async () => {
    const map = items.get('reunion-land-cover')![0];
    const response = await app.inject(
      `/api/collections/${map.collection}/items/${map.id}/tiles/WebMercatorQuad/${tileAtNeiges(9)}.png?assets=landcover-11&colormap_name=classification`,
    );
    expect(response.statusCode, response.body).toBe(200);
    const hints = new Set(LAND_COVER_LEVEL_2.map((c) => parseInt(c['color-hint'], 16)));
    const found = [...(await colours(response.rawPayload))].filter((colour) => hints.has(colour));
    expect(found.length).toBeGreaterThan(3);
  });
});
