import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestProblem } from '../../../src/catalog/ingest/ingest-types.js';
import { ingestStac } from '../../../src/catalog/ingest/stac-ingest.js';
import { formatOrigin } from '../../../src/catalog/ingest/stac-source-entry.js';
import { openSqliteCatalogStore } from '../../../src/catalog/store/sqlite/sqlite-catalog-store.js';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/ingest');

let server: Server;
let base: string;
const requested: string[] = [];

beforeAll(async () => {
  // A static file server over the fixtures, on the loopback interface only.
  server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    requested.push(path);
    try {
      const body = await readFile(join(FIXTURES, path));
      response.writeHead(200, {
        'content-type': path.endsWith('.ndjson') ? 'application/x-ndjson' : 'application/json',
      });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => new Promise<void>((done) => server.close(() => done())));

describe('ingest over http', () => {
  it('walks a static catalog by URL, resolving relative links against each document URL', async () => {
    const store = openSqliteCatalogStore({ path: ':memory:' });
    try {
      const problems: IngestProblem[] = [];
      const report = await ingestStac({
        store,
        sources: [`${base}/nested-catalog/catalog.json`],
        onProblem: (p) => problems.push(p),
      });
      expect(report.items.inserted).toBe(3);
      expect(report.collections.inserted).toBe(1);
      expect(problems.map((p) => `${formatOrigin(p.origin)} ${p.message}`)).toEqual([
        `${base}/nested-catalog/missing/catalog.json cannot fetch ${base}/nested-catalog/missing/catalog.json: HTTP 404 Not Found`,
      ]);
      const survey1 = await store.getItem('lagoon-surveys', 'survey-1');
      expect(survey1?.assets.data.href).toBe(`${base}/nested-catalog/lagoon/items/survey-1/survey-1.tif`);
      expect(requested).toContain('/nested-catalog/lagoon/items/survey-3/survey-3.json');
      // Each document is fetched once, although the sub-catalog links to survey-1 and back to the root.
      expect(requested.filter((p) => p === '/nested-catalog/catalog.json')).toHaveLength(1);
      expect(requested.filter((p) => p.endsWith('survey-1.json'))).toHaveLength(1);
    } finally {
      await store.close();
    }
  });

  it('streams NDJSON over http with line numbers', async () => {
    const store = openSqliteCatalogStore({ path: ':memory:' });
    try {
      const problems: IngestProblem[] = [];
      const report = await ingestStac({
        store,
        sources: [`${base}/items-with-problems.ndjson`],
        onProblem: (p) => problems.push(p),
      });
      expect(report.items.inserted).toBe(3);
      expect(formatOrigin(problems[0].origin)).toBe(`${base}/items-with-problems.ndjson:4:27`);
    } finally {
      await store.close();
    }
  });
});
