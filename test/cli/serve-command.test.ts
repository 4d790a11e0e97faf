/**
 * Runs `fournaise serve` as a separate process, as `npm start` does, on a free port and a data directory
 * given through PORT and FOURNAISE_DATA_DIR, and stops it with SIGTERM. The data directory holds a copy of
 * the run's demo build: a first start that builds it is tested by serve-cluster.test.ts (the primary builds
 * it before any worker starts), which spares the test run a third build of several minutes on a slow machine.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyOfDemoCentre, DEMO_HOOK_TIMEOUT_MS } from '../support/demo-template.js';
import { spawnServe } from './spawn-serve.js';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

describe('fournaise serve', () => {
  it(
    'serves an existing demo centre without rebuilding it, answers /api on PORT, and stops gracefully on SIGTERM',
    async () => {
      const port = await freePort();
      const dataDir = await copyOfDemoCentre('serve');
      const serve = await spawnServe(['--host', '127.0.0.1'], {
        PORT: String(port),
        FOURNAISE_DATA_DIR: dataDir,
      });
      try {
        const { stdout, stderr } = serve.output();
        expect(stdout).toContain(`Fournaise listening on http://127.0.0.1:${port}`);
        expect(stderr).not.toContain('first start: building');
        expect(existsSync(join(dataDir, 'catalog.sqlite'))).toBe(true);

        const landing = await fetch(`http://127.0.0.1:${port}/api`);
        expect(landing.status).toBe(200);
        const body = (await landing.json()) as { links: { rel: string; href: string }[] };
        expect(body.links.find((link) => link.rel === 'self')?.href).toBe(`http://127.0.0.1:${port}/api`);
        const collections = (await (
          await fetch(`http://127.0.0.1:${port}/api/collections?limit=100`)
        ).json()) as {
          collections: { id: string }[];
        };
        expect(collections.collections.map((c) => c.id)).toEqual(
          expect.arrayContaining(['hermitage-mnt', 'gnss-piton-fournaise']),
        );
        // The other capabilities are mounted and linked from the landing page, and `/` is the portal's.
        expect(body.links.map((link) => link.href)).toContain(`http://127.0.0.1:${port}/api/sta/v1.1`);
        const portal = await fetch(`http://127.0.0.1:${port}/`);
        expect(portal.status).toBe(200);
        expect(portal.headers.get('content-type')).toMatch(/^text\/html/);
      } finally {
        serve.child.kill('SIGTERM');
      }
      const code = await serve.exited;
      await rm(dataDir, { recursive: true, force: true });
      expect(code).toBe(0);
      expect(serve.output().stderr).toContain('SIGTERM: shutting down');
    },
    DEMO_HOOK_TIMEOUT_MS,
  );
});
