import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/cli-command.js';
import { runCli } from '../../src/cli/main.js';
import { ConfigError, DEFAULT_PORT, readServerConfig } from '../../src/config.js';
import { resolveAssetHref } from '../../src/server.js';
import { capturedIo } from './cli-io.js';

describe('readServerConfig', () => {
  it('defaults to port 8080, localhost and ./data', () => {
    expect(readServerConfig({}, '/srv')).toEqual({
      port: DEFAULT_PORT,
      host: 'localhost',
      dataDir: '/srv/data',
      baseUrl: undefined,
      demoOnFirstStart: true,
      assetRoots: ['/srv/data'],
    });
  });

  it('honours PORT, HOST, FOURNAISE_DATA_DIR, FOURNAISE_BASE_URL and FOURNAISE_ASSET_ROOTS; options override them', () => {
    const env = {
      PORT: '9000',
      HOST: '0.0.0.0',
      FOURNAISE_DATA_DIR: 'store',
      FOURNAISE_BASE_URL: 'https://data.example.org/f/',
      FOURNAISE_ASSET_ROOTS: '/mnt/cogs:relative',
    };
    expect(readServerConfig(env, '/srv')).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      dataDir: '/srv/store',
      baseUrl: 'https://data.example.org/f',
      assetRoots: ['/srv/store', '/mnt/cogs', '/srv/relative'],
    });
    expect(
      readServerConfig(env, '/srv', { port: '9100', dataDir: '/abs', baseUrl: 'http://proxy' }),
    ).toMatchObject({
      port: 9100,
      dataDir: '/abs',
      baseUrl: 'http://proxy',
    });
  });

  it.each([
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: '80.5' }, 'PORT'],
    [{ FOURNAISE_BASE_URL: 'data.example.org' }, 'FOURNAISE_BASE_URL'],
    [{ FOURNAISE_BASE_URL: 'ftp://data.example.org' }, 'FOURNAISE_BASE_URL'],
  ])('rejects %j naming %s', (env, location) => {
    expect(() => readServerConfig(env, '/srv')).toThrow(ConfigError);
    try {
      readServerConfig(env, '/srv');
    } catch (error) {
      expect((error as ConfigError).location).toBe(location);
    }
  });
});

describe('serve when the port is taken', () => {
  let blocker: Server;
  let port: number;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fournaise-port-'));
    blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    port = (blocker.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise<void>((done) => blocker.close(() => done()));
    await rm(dir, { recursive: true, force: true });
  });

  it('exits 3 with the system error and closes the store', async () => {
    const io = capturedIo({ FOURNAISE_DATA_DIR: join(dir, 'data') });
    const code = await runCli(['serve', '--no-demo', '--host', '127.0.0.1', '--port', String(port)], io);
    expect(code).toBe(EXIT.failure);
    expect(io.err()).toContain(
      `fournaise serve: listen EADDRINUSE: address already in use 127.0.0.1:${port}`,
    );
  });
});

describe('resolveAssetHref', () => {
  const roots = ['/srv/data', '/mnt/cogs'];

  it('keeps http(s) URLs and resolves relative hrefs in the data directory', () => {
    expect(resolveAssetHref('https://example.org/a.tif', roots)).toBe('https://example.org/a.tif');
    expect(resolveAssetHref('assets/c/i/a.tif', roots)).toBe('/srv/data/assets/c/i/a.tif');
  });

  it('accepts local paths and file: URLs inside an asset root', () => {
    expect(resolveAssetHref('/srv/data/x/a.tif', roots)).toBe('/srv/data/x/a.tif');
    expect(resolveAssetHref('file:///mnt/cogs/a%20b.tif', roots)).toBe('/mnt/cogs/a b.tif');
  });

  it.each([
    '../secret.tif',
    'assets/../../etc/passwd',
    '/etc/passwd',
    'file:///etc/passwd',
    '/srv/data-other/a.tif',
    '/mnt/cogs/../x.tif',
  ])('refuses %s', (href) => {
    expect(() => resolveAssetHref(href, roots)).toThrow('is outside the data directory and asset roots');
  });
});
