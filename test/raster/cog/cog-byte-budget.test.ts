/**
 * Reading one tile of a large COG over HTTP fetches only the header, the IFDs and that tile's bytes.
 * Fixture: rio-tiler-cog_cmap.tif, 7168×8704 px, 512×512 DEFLATE tiles (238 at full resolution), 683 kB,
 * served by a local 127.0.0.1 server with Range support.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { fromFile } from 'geotiff';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CogReader } from '../../../src/raster/cog/cog-reader.js';
import { BlockCacheByteSource } from '../../../src/raster/source/block-cache-byte-source.js';
import { CountingByteSource } from '../../../src/raster/source/counting-byte-source.js';
import { FileByteSource } from '../../../src/raster/source/file-byte-source.js';
import { HttpByteSource } from '../../../src/raster/source/http-byte-source.js';
import { startRangeServer, type RangeServer } from '../support/range-server.js';

const FILE = join(import.meta.dirname, '../../fixtures/cog/rio-tiler-cog_cmap.tif');
const TILE_COLUMN = 6;
const TILE_ROW = 9;

/** The stored size of one full-resolution tile, from the file's TileByteCounts tag. */
async function tileByteCount(): Promise<number> {
  const tiff = await fromFile(FILE);
  const image = await tiff.getImage(0);
  const tilesAcross = Math.ceil(image.getWidth() / image.getTileWidth());
  const count = await image
    .getFileDirectory()
    .loadValueIndexed('TileByteCounts', TILE_ROW * tilesAcross + TILE_COLUMN);
  await tiff.close();
  return Number(count);
}

describe('byte budget of one tile read over HTTP', () => {
  let server: RangeServer;
  beforeAll(async () => {
    server = await startRangeServer(FILE);
  });
  afterAll(() => server.close());

  it('reads the header once, then the tile bytes and its two index entries', async () => {
    const counter = new CountingByteSource(new HttpByteSource(server.url));
    const reader = await CogReader.open(counter);
    const headerBytes = counter.bytesRead;
    expect(headerBytes).toBeLessThan(16 * 1024);
    counter.reset();

    const block = await reader.readWindow({
      x: TILE_COLUMN * 512,
      y: TILE_ROW * 512,
      width: 512,
      height: 512,
    });
    expect(block.bands[0].length).toBe(512 * 512);
    // geotiff.js loads TileOffsets[i] and TileByteCounts[i] lazily (4 bytes each here), then the tile.
    expect(counter.requestCount).toBe(3);
    expect(counter.bytesRead).toBe((await tileByteCount()) + 8);
    expect(headerBytes + counter.bytesRead).toBeLessThan(statSync(FILE).size / 20);
  });

  it('with a block cache, reads one tile with at most 3 requests in total and none when repeated', async () => {
    const counter = new CountingByteSource(new HttpByteSource(server.url));
    const reader = await CogReader.open(new BlockCacheByteSource(counter, { blockSize: 16 * 1024 }));
    const window = { x: TILE_COLUMN * 512, y: TILE_ROW * 512, width: 512, height: 512 };
    await reader.readWindow(window);
    expect(counter.requestCount).toBeLessThanOrEqual(3);
    expect(counter.bytesRead).toBeLessThan(statSync(FILE).size / 10);
    counter.reset();
    const again = await reader.readWindow(window);
    expect(counter.requestCount).toBe(0);
    const direct = await (await CogReader.open(new FileByteSource(FILE))).readWindow(window);
    expect(again.bands[0]).toEqual(direct.bands[0]);
  });
});
