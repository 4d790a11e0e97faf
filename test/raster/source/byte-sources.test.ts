import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RasterError } from '../../../src/raster/raster-errors.js';
import { BlockCache } from '../../../src/raster/source/block-cache.js';
import { BlockCacheByteSource } from '../../../src/raster/source/block-cache-byte-source.js';
import { CountingByteSource } from '../../../src/raster/source/counting-byte-source.js';
import { FileByteSource } from '../../../src/raster/source/file-byte-source.js';
import { HttpByteSource } from '../../../src/raster/source/http-byte-source.js';
import { startRangeServer, type RangeServer } from '../support/range-server.js';

const FILE = join(import.meta.dirname, '../../fixtures/cog/rio-tiler-cog_gradient.tif');
const BYTES = new Uint8Array(readFileSync(FILE));

function expected(offset: number, length: number): Uint8Array {
  return BYTES.slice(offset, Math.min(BYTES.length, offset + length));
}

describe('FileByteSource', () => {
  it('reads slices, truncating those that reach past the end', async () => {
    const source = new FileByteSource(FILE);
    const [a, b, c] = await source.fetch([
      { offset: 0, length: 8 },
      { offset: BYTES.length - 4, length: 100 },
      { offset: BYTES.length + 10, length: 5 },
    ]);
    expect(new Uint8Array(a)).toEqual(expected(0, 8));
    expect(new Uint8Array(b)).toEqual(expected(BYTES.length - 4, 4));
    expect(c.byteLength).toBe(0);
    expect(source.fileSize).toBe(BYTES.length);
    await source.close();
  });

  it('reports a missing file as RASTER_ASSET_NOT_FOUND', async () => {
    const source = new FileByteSource('/nonexistent/file.tif');
    await expect(source.fetch([{ offset: 0, length: 1 }])).rejects.toMatchObject({
      code: 'RASTER_ASSET_NOT_FOUND',
    });
  });

  it('rejects at once when the signal is already aborted', async () => {
    const source = new FileByteSource(FILE);
    const controller = new AbortController();
    controller.abort();
    await expect(source.fetch([{ offset: 0, length: 1 }], controller.signal)).rejects.toThrow();
  });
});

describe('HttpByteSource', () => {
  let server: RangeServer;
  let ignoringServer: RangeServer;
  beforeAll(async () => {
    server = await startRangeServer(FILE);
    ignoringServer = await startRangeServer(FILE, { honourRanges: false });
  });
  afterAll(async () => {
    await server.close();
    await ignoringServer.close();
  });

  it('reads each slice with one Range request and learns the size', async () => {
    const source = new HttpByteSource(server.url);
    const [a, b] = await source.fetch([
      { offset: 10, length: 20 },
      { offset: BYTES.length - 3, length: 10 },
    ]);
    expect(new Uint8Array(a)).toEqual(expected(10, 20));
    expect(new Uint8Array(b)).toEqual(expected(BYTES.length - 3, 3));
    expect(server.ranges.slice(-2).sort()).toEqual([
      'bytes=10-29',
      `bytes=${BYTES.length - 3}-${BYTES.length + 6}`,
    ]);
    expect(source.fileSize).toBe(BYTES.length);
  });

  it('refuses a server that ignores Range unless full-file answers are allowed', async () => {
    await expect(new HttpByteSource(ignoringServer.url).fetch([{ offset: 0, length: 4 }])).rejects.toThrow(
      /ignored the Range header/,
    );
    const lenient = new HttpByteSource(ignoringServer.url, { allowFullFile: true });
    const [first] = await lenient.fetch([{ offset: 4, length: 4 }]);
    const [second] = await lenient.fetch([{ offset: 100, length: 8 }]);
    expect(new Uint8Array(first)).toEqual(expected(4, 4));
    expect(new Uint8Array(second)).toEqual(expected(100, 8));
  });

  it('gives up on a server that does not answer, with RASTER_SOURCE_UNAVAILABLE', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const source = new HttpByteSource(`http://127.0.0.1:${port}/x.tif`, { timeoutMs: 200 });
    await expect(source.fetch([{ offset: 0, length: 4 }])).rejects.toMatchObject({
      code: 'RASTER_SOURCE_UNAVAILABLE',
      message: expect.stringContaining('no answer in time'),
    });
    silent.closeAllConnections();
    silent.close();
  });

  it('reports HTTP errors as RASTER_SOURCE_UNAVAILABLE', async () => {
    const error = await new HttpByteSource(server.url.replace('file.tif', 'missing.tif'))
      .fetch([{ offset: 0, length: 4 }])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RasterError);
    expect(error).toMatchObject({
      code: 'RASTER_SOURCE_UNAVAILABLE',
      message: expect.stringContaining('HTTP 404'),
    });
  });
});

describe('BlockCacheByteSource', () => {
  it('reads aligned blocks once, coalescing consecutive ones, and serves repeats from memory', async () => {
    const counter = new CountingByteSource(new FileByteSource(FILE));
    const source = new BlockCacheByteSource(counter, { blockSize: 256 });
    const [a] = await source.fetch([{ offset: 100, length: 600 }]);
    expect(new Uint8Array(a)).toEqual(expected(100, 600));
    expect(counter.requestCount).toBe(1);
    expect(counter.sliceCount).toBe(1);
    expect(counter.bytesRead).toBe(768);
    const [b, c] = await source.fetch([
      { offset: 300, length: 10 },
      { offset: 0, length: 50 },
    ]);
    expect(new Uint8Array(b)).toEqual(expected(300, 10));
    expect(new Uint8Array(c)).toEqual(expected(0, 50));
    expect(counter.requestCount).toBe(1);
  });

  it('shares one request between concurrent readers of the same block', async () => {
    const counter = new CountingByteSource(new FileByteSource(FILE));
    const source = new BlockCacheByteSource(counter, { blockSize: 1024 });
    const [[a], [b]] = await Promise.all([
      source.fetch([{ offset: 0, length: 10 }]),
      source.fetch([{ offset: 5, length: 10 }]),
    ]);
    expect(new Uint8Array(a)).toEqual(expected(0, 10));
    expect(new Uint8Array(b)).toEqual(expected(5, 10));
    expect(counter.requestCount).toBe(1);
  });

  it('truncates at the end of the resource', async () => {
    const source = new BlockCacheByteSource(new FileByteSource(FILE), { blockSize: 1000 });
    const [tail] = await source.fetch([{ offset: BYTES.length - 5, length: 50 }]);
    expect(new Uint8Array(tail)).toEqual(expected(BYTES.length - 5, 5));
  });

  it('evicts least recently used blocks to stay within its byte budget', () => {
    const cache = new BlockCache(300);
    cache.set('a', new ArrayBuffer(100));
    cache.set('b', new ArrayBuffer(100));
    cache.set('c', new ArrayBuffer(100));
    expect(cache.get('a')).toBeDefined();
    cache.set('d', new ArrayBuffer(100));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.size).toBe(300);
  });
});
