import { registerErrorHandling } from '../../../src/api/errors.js';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rasterPlugin } from '../../../src/api/raster/raster-plugin.js';

const FIXTURE = join(import.meta.dirname, '../../fixtures/cog/rio-tiler-cog_gradient.tif');
const SECRET = 'TOP-SECRET-CONTENT';

describe('asset file serving', () => {
  let app: FastifyInstance;
  const base = mkdtempSync(join(tmpdir(), 'fournaise-assets-'));
  const root = join(base, 'root');
  const tif = readFileSync(FIXTURE);

  beforeAll(async () => {
    mkdirSync(join(root, 'data', 'deep'), { recursive: true });
    writeFileSync(join(root, 'data', 'gradient.tif'), tif);
    writeFileSync(join(root, 'data', 'deep', 'notes.json'), '{"a":1}');
    writeFileSync(join(root, '.hidden'), SECRET);
    writeFileSync(join(base, 'secret.txt'), SECRET);
    utimesSync(
      join(root, 'data', 'gradient.tif'),
      new Date('2024-03-01T00:00:00Z'),
      new Date('2024-03-01T00:00:00Z'),
    );
    symlinkSync(join(base, 'secret.txt'), join(root, 'data', 'outside-link.txt'));
    symlinkSync(base, join(root, 'data', 'outside-dir'));
    symlinkSync(join(root, 'data', 'gradient.tif'), join(root, 'data', 'inside-link.tif'));
    app = Fastify();
    registerErrorHandling(app);
    await app.register(rasterPlugin, {
      prefix: '/api',
      getItem: async () => undefined,
      resolveAssetHref: (href) => href,
      assetRoot: root,
    });
    await app.ready();
  });
  afterAll(() => app.close());

  it('serves a file with media type, length, ETag and Last-Modified', async () => {
    const response = await app.inject('/api/assets/data/gradient.tif');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/tiff; application=geotiff');
    expect(response.headers['accept-ranges']).toBe('bytes');
    expect(response.headers['last-modified']).toBe('Fri, 01 Mar 2024 00:00:00 GMT');
    expect(response.headers.etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    expect(Number(response.headers['content-length'])).toBe(tif.length);
    expect(response.rawPayload.equals(tif)).toBe(true);
    expect((await app.inject('/api/assets/data/deep/notes.json')).headers['content-type']).toMatch(
      /^application\/json/,
    );
    expect((await app.inject('/api/assets/data/inside-link.tif')).statusCode).toBe(200);
  });

  it.each([
    ['bytes=10-19', 10, 19],
    ['bytes=100-', 100, tif.length - 1],
    ['bytes=-16', tif.length - 16, tif.length - 1],
    ['bytes=3000-999999', 3000, tif.length - 1],
  ])('answers Range %s with 206 and the bytes', async (range, start, end) => {
    const response = await app.inject({ url: '/api/assets/data/gradient.tif', headers: { range } });
    expect(response.statusCode).toBe(206);
    expect(response.headers['content-range']).toBe(`bytes ${start}-${end}/${tif.length}`);
    expect(response.rawPayload.equals(tif.subarray(start, end + 1))).toBe(true);
  });

  it('answers an unsatisfiable range with 416 and sends the full file for several ranges', async () => {
    const outside = await app.inject({
      url: '/api/assets/data/gradient.tif',
      headers: { range: `bytes=${tif.length}-` },
    });
    expect(outside.statusCode).toBe(416);
    expect(outside.headers['content-range']).toBe(`bytes */${tif.length}`);
    const multi = await app.inject({
      url: '/api/assets/data/gradient.tif',
      headers: { range: 'bytes=0-1,5-6' },
    });
    expect(multi.statusCode).toBe(200);
  });

  it('answers conditional requests with 304 and HEAD without a body', async () => {
    const first = await app.inject('/api/assets/data/gradient.tif');
    const etag = first.headers.etag as string;
    expect(
      (await app.inject({ url: '/api/assets/data/gradient.tif', headers: { 'if-none-match': etag } }))
        .statusCode,
    ).toBe(304);
    const since = { 'if-modified-since': 'Sat, 02 Mar 2024 00:00:00 GMT' };
    expect((await app.inject({ url: '/api/assets/data/gradient.tif', headers: since })).statusCode).toBe(304);
    const stale = await app.inject({
      url: '/api/assets/data/gradient.tif',
      headers: { 'if-none-match': '"other"' },
    });
    expect(stale.statusCode).toBe(200);
    const head = await app.inject({ method: 'HEAD', url: '/api/assets/data/gradient.tif' });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-length']).toBe(String(tif.length));
    expect(head.rawPayload.length).toBe(0);
  });

  it.each([
    '/api/assets/../secret.txt',
    '/api/assets/data/../../secret.txt',
    '/api/assets/..%2fsecret.txt',
    '/api/assets/%2e%2e/secret.txt',
    '/api/assets/data/%2e%2e/%2e%2e/secret.txt',
    '/api/assets/%252e%252e/secret.txt',
    '/api/assets/..%5csecret.txt',
    '/api/assets/%2fetc%2fpasswd',
    '/api/assets//etc/passwd',
    '/api/assets/data/gradient.tif%00.png',
    '/api/assets/.hidden',
    '/api/assets/data/outside-link.txt',
    '/api/assets/data/outside-dir/secret.txt',
    '/api/assets/data',
    '/api/assets/',
  ])('refuses %s without revealing anything', async (url) => {
    const response = await app.inject(url);
    expect([400, 404]).toContain(response.statusCode);
    expect(response.payload).not.toContain(SECRET);
    expect(response.payload).not.toContain('root:');
  });
});
