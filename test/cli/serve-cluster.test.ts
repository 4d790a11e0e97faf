/**
 * `fournaise serve --workers 2` as a separate process: the primary builds the demo once, two workers share
 * the port, an item written through one is found through the other, and SIGTERM stops them all.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_HOOK_TIMEOUT_MS } from '../support/demo-template.js';
import { spawnServe } from './spawn-serve.js';

/** One request on a new connection, so the primary hands it to the next worker in turn. */
function send(url: string, method = 'GET', body?: unknown): Promise<{ status: number; json: unknown }> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((done, fail) => {
    const req = request(
      url,
      { method, agent: false, headers: payload ? { 'content-type': 'application/json' } : {} },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        res.on('end', () => done({ status: res.statusCode ?? 0, json: JSON.parse(text) as unknown }));
      },
    );
    req.on('error', fail);
    req.end(payload);
  });
}

let dir: string;
beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'fournaise-cluster-'))));
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('fournaise serve --workers 2', () => {
  // A full first start, as `npm start --workers 2` on a fresh clone: the build takes minutes on a slow machine.
  it(
    'builds the demo once, serves from two processes that see each other’s writes, stops on SIGTERM',
    async () => {
      const serve = await spawnServe(['--host', '127.0.0.1', '--port', '0', '--workers', '2'], {
        FOURNAISE_DATA_DIR: join(dir, 'data'),
      });
      try {
        const { stdout, stderr } = serve.output();
        expect(stdout).toMatch(/Fournaise listening on http:\/\/127\.0\.0\.1:\d+ .*2 server processes/);
        expect(stderr.match(/first start: building/g)).toHaveLength(1);
        const api = `${/http:\/\/127\.0\.0\.1:\d+/.exec(stdout)?.[0]}/api`;

        const collection = {
          type: 'Collection',
          stac_version: '1.1.0',
          id: 'cluster-test',
          description: 'Written through one worker',
          license: 'CC-BY-4.0',
          extent: { spatial: { bbox: [[55, -21, 56, -20]] }, temporal: { interval: [[null, null]] } },
          links: [],
        };
        expect((await send(`${api}/collections`, 'POST', collection)).status).toBe(201);
        const item = {
          type: 'Feature',
          stac_version: '1.1.0',
          id: 'scene-1',
          collection: 'cluster-test',
          geometry: { type: 'Point', coordinates: [55.5, -20.5] },
          bbox: [55.5, -20.5, 55.5, -20.5],
          properties: { datetime: '2024-01-01T00:00:00Z', 'cluster:flag': true },
          links: [],
          assets: {},
        };
        expect((await send(`${api}/collections/cluster-test/items`, 'POST', item)).status).toBe(201);
        // Four requests on new connections reach both workers.
        for (let i = 0; i < 4; i++) {
          const search = await send(`${api}/search?collections=cluster-test`);
          expect((search.json as { features: { id: string }[] }).features.map((f) => f.id)).toEqual([
            'scene-1',
          ]);
          const queryables = await send(`${api}/collections/cluster-test/queryables`);
          expect(Object.keys((queryables.json as { properties: object }).properties)).toContain(
            'cluster:flag',
          );
        }
      } finally {
        serve.child.kill('SIGTERM');
      }
      expect(await serve.exited).toBe(0);
      expect(serve.output().stderr).toContain('SIGTERM: shutting down 2 server processes');
    },
    DEMO_HOOK_TIMEOUT_MS,
  );
});
