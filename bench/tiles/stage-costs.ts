/**
 * What one tile of the tile benchmark costs, stage by stage, on the benchmark's scene (run `run.ts` once
 * first to write it): inflating a 512² block of its 4 uint16 bands and splitting it into band planes (the
 * inflate workers' job), PNG-encoding the benchmark's RGB tiles (libvips), and evaluating band expressions
 * over 256² pixels. Each figure is the best of three rounds, in ms per operation, on this thread.
 *
 *   npx tsx bench/tiles/stage-costs.ts [--size 10980]
 *
 * The figures quoted in bench/tiles/README.md ("Where the time goes") and in band-expression.ts come from it.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { fromFile } from 'geotiff';
import { toBandPlanes } from '../../src/raster/cog/block-planes.js';
import { CogReader } from '../../src/raster/cog/cog-reader.js';
import { evaluateBandExpression, parseBandExpression } from '../../src/raster/render/band-expression.js';
import { encodeImage } from '../../src/raster/render/image-encoder.js';
import { toRgbaSampled } from '../../src/raster/render/tile-renderer.js';
import { FileByteSource } from '../../src/raster/source/file-byte-source.js';
import { WEB_MERCATOR_QUAD } from '../../src/raster/tiles/tile-matrix-set.js';
import { readTileNearest } from '../../src/raster/tiles/tile-reader.js';
import { ensureSyntheticCog } from './synthetic-cog.js';
import { benchTilePicker } from './tile-picks.js';

const sizeIndex = process.argv.indexOf('--size');
const size = sizeIndex >= 0 ? Number(process.argv[sizeIndex + 1]) : 10980;
const cogPath = `/tmp/fournaise-bench-tiles/scene-${size}.tif`;

/** Best of three rounds of `count` calls, in ms per call. */
async function best(count: number, run: (index: number) => unknown): Promise<number> {
  let fastest = Infinity;
  for (let round = 0; round < 3; round++) {
    const started = performance.now();
    for (let index = 0; index < count; index++) await run(index);
    fastest = Math.min(fastest, (performance.now() - started) / count);
  }
  return fastest;
}

// Expressions over 256² pixels.
const pixels = 256 * 256;
const bands = new Map([
  ['b1', Float64Array.from({ length: pixels }, (_, i) => 1000 + (i % 300))],
  ['b4', Float64Array.from({ length: pixels }, (_, i) => 2000 + (i % 500))],
]);
const mask = new Uint8Array(pixels).fill(255);
const expressions = ['(b4-b1)/(b4+b1)', 'where(b1 > 1100, sqrt(b4), b1 * 2 + 1)'];
const expressionMs: [string, number][] = [];
for (const text of expressions) {
  const tree = parseBandExpression(text);
  expressionMs.push([text, await best(200, () => evaluateBandExpression(tree, bands, mask))]);
}

// Blocks: four full-resolution blocks spread over the scene, read straight from the file.
const image = await (await fromFile(cogPath)).getImage(0);
const directory = image.getFileDirectory() as unknown as {
  loadValue(name: string): Promise<ArrayLike<number>>;
};
const offsets = await directory.loadValue('TileOffsets');
const counts = await directory.loadValue('TileByteCounts');
const blockSize = image.getTileWidth();
const picks = [0.2, 0.4, 0.6, 0.8].map((share) => Math.floor(share * offsets.length));
const fd = openSync(cogPath, 'r');
const blocks = picks.map((i) => {
  const raw = Buffer.alloc(counts[i]);
  readSync(fd, raw, 0, counts[i], offsets[i]);
  return raw;
});
closeSync(fd);
const blockBytes = blockSize * blockSize * 4 * 2;
const layout = { width: blockSize, height: blockSize, samplesPerPixel: 4, bytesPerSample: 2, predictor: 2 };
const inflated = blocks.map((raw) => inflateSync(raw, { chunkSize: blockBytes + 1024 }));
const inflateMs = await best(50, (i) => inflateSync(blocks[i % 4], { chunkSize: blockBytes + 1024 }));
const planesMs = await best(50, (i) => toBandPlanes(inflated[i % 4], layout));

// PNG: the benchmark's first 42 RGB tiles (6 per zoom), coloured as the server colours them.
const reader = await CogReader.open(new FileByteSource(cogPath));
const pickTile = benchTilePicker(ensureSyntheticCog(cogPath, size), size);
const tiles: Uint8Array[] = [];
for (let n = 0; n < 42; n++) {
  const samples = await readTileNearest(reader, WEB_MERCATOR_QUAD, pickTile(n), { bands: [0, 1, 2] });
  tiles.push(toRgbaSampled(samples, { rescale: [[0, 4000]] }).rgba);
}
let pngBytes = 0;
const pngMs = await best(tiles.length, async (i) => {
  pngBytes += (await encodeImage(tiles[i], 256, 256, 'png')).length;
});

const ms = (value: number) => `${value.toFixed(2)} ms`;
console.log(`Scene ${cogPath}, blocks of ${blockSize}² px × 4 uint16 bands:`);
console.log(
  `  inflate one block (${(blocks.reduce((s, b) => s + b.length, 0) / 4 / 1024).toFixed(0)} KiB → ${blockBytes / 1024} KiB): ${ms(inflateMs)}`,
);
console.log(`  split it into band planes (predictor undone): ${ms(planesMs)}`);
console.log(
  `  PNG of a 256² RGB tile (libvips): ${ms(pngMs)}, ${Math.round(pngBytes / 3 / tiles.length / 1024)} KiB on average`,
);
for (const [text, value] of expressionMs) console.log(`  band expression ${text} over 256² px: ${ms(value)}`);
