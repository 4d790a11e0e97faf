/**
 * The raster demo's generators as named writers over plain inputs (items and seeds), so that a group of them
 * can run on a worker thread: everything a writer needs is rebuilt from these inputs, and what it changes is
 * only the items of its own collections and the files of their assets.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { StacItem } from '../../catalog/model/stac-types.js';
import { writeCog } from '../../raster/cog/cog-writer.js';
import { EXTENSION } from '../catalog/demo-vocabulary.js';
import { SeededRandom } from '../seeded-random.js';
import type { DemoAssetSink } from './demo-asset-sink.js';
import { writeFournaiseDsmRasters } from './fournaise-dsm-rasters.js';
import { writeHellBourgRasters } from './hell-bourg-rasters.js';
import { writeHermitageRasters } from './hermitage-rasters.js';
import { createIslandTerrain, type IslandTerrain } from './island-terrain.js';
import { writeLandCoverRasters } from './land-cover-rasters.js';
import { writePleiadesRasters } from './pleiades-rasters.js';
import { writeSentinel2Rasters } from './sentinel2-rasters.js';

/** The collections whose items get COG assets. */
export const RASTER_DEMO_COLLECTIONS = [
  'sentinel2-l2a-theia-reunion',
  'theia-l3a-reunion-monthly',
  'reunion-land-cover',
  'hermitage-mnt',
  'hermitage-orthophoto',
  'pleiades-dsm-piton-fournaise',
  'hell-bourg-orthophoto',
  'pleiades-reunion-2025',
  'pleiades-mayotte-chido',
] as const;

export type RasterDemoCollection = (typeof RASTER_DEMO_COLLECTIONS)[number];

/** What the writers start from: the items to give assets to, by collection, and the seeds drawn for them. */
export interface RasterWriterInputs {
  items: Partial<Record<RasterDemoCollection, StacItem[]>>;
  terrainSeed: number;
  landSeed: number;
  hellBourgSeed: number;
  /** The contribution's random seed: the Hermitage generator draws from its fork 'hermitage'. */
  randomSeed: string;
}

interface RasterWriter {
  collections: RasterDemoCollection[];
  write(inputs: RasterWriterInputs, terrain: IslandTerrain, sink: DemoAssetSink): Promise<void>;
}

/** Items in time order (surveys, scenes, months). */
function byDatetime(items: StacItem[] = []): StacItem[] {
  return [...items].sort((a, b) =>
    String(a.properties.datetime).localeCompare(String(b.properties.datetime)),
  );
}

const WRITERS = {
  sentinel2: {
    collections: ['sentinel2-l2a-theia-reunion', 'theia-l3a-reunion-monthly'],
    write: ({ items, landSeed }, terrain, sink) =>
      writeSentinel2Rasters(
        byDatetime(items['sentinel2-l2a-theia-reunion']),
        byDatetime(items['theia-l3a-reunion-monthly']),
        terrain,
        landSeed,
        sink,
      ),
  },
  'land-cover': {
    collections: ['reunion-land-cover'],
    write: ({ items, landSeed }, terrain, sink) =>
      writeLandCoverRasters(items['reunion-land-cover'] ?? [], terrain, landSeed, sink),
  },
  hermitage: {
    collections: ['hermitage-mnt', 'hermitage-orthophoto'],
    write: ({ items, randomSeed }, _terrain, sink) =>
      writeHermitageRasters(
        byDatetime(items['hermitage-mnt']),
        byDatetime(items['hermitage-orthophoto']),
        new SeededRandom(randomSeed).fork('hermitage'),
        sink,
      ),
  },
  'fournaise-dsm': {
    collections: ['pleiades-dsm-piton-fournaise'],
    write: ({ items }, terrain, sink) =>
      writeFournaiseDsmRasters(items['pleiades-dsm-piton-fournaise'] ?? [], terrain, sink),
  },
  'hell-bourg': {
    collections: ['hell-bourg-orthophoto'],
    write: ({ items, hellBourgSeed }, _terrain, sink) =>
      writeHellBourgRasters(items['hell-bourg-orthophoto'] ?? [], hellBourgSeed, sink),
  },
  pleiades: {
    collections: ['pleiades-reunion-2025', 'pleiades-mayotte-chido'],
    write: ({ items, landSeed }, terrain, sink) =>
      writePleiadesRasters(
        [...(items['pleiades-reunion-2025'] ?? []), ...(items['pleiades-mayotte-chido'] ?? [])],
        terrain,
        landSeed,
        sink,
      ),
  },
} satisfies Record<string, RasterWriter>;

export type RasterWriterName = keyof typeof WRITERS;

/** The collections a group of writers gives assets to. */
export function collectionsOf(names: RasterWriterName[]): RasterDemoCollection[] {
  return names.flatMap((name) => (WRITERS[name] as RasterWriter).collections);
}

/** Runs writers one after the other; they change the items of `inputs` in place (see the module comment). */
export async function runRasterWriters(
  names: RasterWriterName[],
  inputs: RasterWriterInputs,
  sink: DemoAssetSink,
): Promise<void> {
  const terrain = createIslandTerrain(inputs.terrainSeed);
  for (const name of names) await (WRITERS[name] as RasterWriter).write(inputs, terrain, sink);
}

/**
 * The sink that writes each COG at its asset's href under `dataDir` and records the file's size in the item
 * (and the file extension in `stac_extensions`); `onWritten` is told the file's label.
 */
export function fileSink(
  dataDir: string,
  onWritten: (label: string) => void,
  signal?: AbortSignal,
): DemoAssetSink {
  return {
    signal,
    async write(item, key, raster, options) {
      signal?.throwIfAborted();
      const asset = item.assets[key];
      const bytes = writeCog(raster, { blockSize: 256, deflateLevel: 1, ...options });
      const path = join(dataDir, asset.href);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, bytes);
      asset['file:size'] = bytes.length;
      if (!item.stac_extensions?.includes(EXTENSION.file)) {
        item.stac_extensions = [...(item.stac_extensions ?? []), EXTENSION.file].sort();
      }
      onWritten(`${item.collection}/${item.id}/${key}`);
    },
  };
}
