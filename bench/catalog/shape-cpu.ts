/**
 * CPU time per search, by query shape, measured in process (`app.inject`, no sockets, no load generator
 * competing for the CPU): a quick before/after check of a server-side change on an existing catalogue while
 * other jobs load the machine. For each shape it prints the CPU per request, the part spent inside
 * `CatalogStore.search`, the response size and how many responses carried numberMatched.
 * The figures of record come from run.ts over HTTP; this tool only compares two states of the code.
 *
 * Usage: npx tsx bench/catalog/shape-cpu.ts <dataDir> [--requests 300] [--shapes bbox,page]
 *   [--count-budget-ms 0.5] [--rtree-drive-limit 500]
 * <dataDir> holds a catalogue built by run.ts (`--data-dir`); --shapes keeps the shapes whose name starts
 * with one of the given prefixes.
 */
import { parseArgs } from 'node:util';
import { buildApp } from '../../src/api/build-app.js';
import type { CatalogStore } from '../../src/catalog/store/catalog-store.js';
import { openSqliteCatalogStore } from '../../src/catalog/store/sqlite/sqlite-catalog-store.js';
import type { RequestSpec } from './http-load.js';
import { nextPageRequest, pagedSearchStarts, searchShapes } from './query-shapes.js';
import { SeededRandom } from './seeded-random.js';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    requests: { type: 'string', default: '300' },
    shapes: { type: 'string' },
    'count-budget-ms': { type: 'string' },
    'rtree-drive-limit': { type: 'string' },
  },
});
const dataDir = positionals[0];
if (dataDir === undefined) throw new Error('usage: shape-cpu.ts <dataDir> [--requests N] [--shapes a,b]');
const requests = Number(args.requests);
const WARMUP = 30;
const COLLECTIONS = 20;
const LIMIT = 10;

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

const store = openSqliteCatalogStore(
  { dataDir },
  {
    ...(args['count-budget-ms'] ? { countBudgetMs: Number(args['count-budget-ms']) } : {}),
    ...(args['rtree-drive-limit'] ? { rtreeDriveLimit: Number(args['rtree-drive-limit']) } : {}),
  },
);
let storeMs = 0;
/** The store with the CPU time of its searches added up in `storeMs`. */
const timedStore: CatalogStore = Object.create(store, {
  search: {
    value: async (...searchArgs: Parameters<CatalogStore['search']>) => {
      const started = process.cpuUsage();
      const page = await store.search(...searchArgs);
      storeMs += cpuMs(started);
      return page;
    },
  },
});
const app = buildApp({ catalog: timedStore, logger: false });
await app.ready();

async function send(spec: RequestSpec): Promise<string> {
  const response = await app.inject({
    method: spec.method,
    url: spec.path,
    payload: spec.body as object | undefined,
    headers: { host: '127.0.0.1:8080' },
  });
  if (response.statusCode !== 200)
    throw new Error(`${spec.path} answered ${response.statusCode}: ${response.body.slice(0, 300)}`);
  return response.body;
}

const random = new SeededRandom(2026);
const shapes = searchShapes(COLLECTIONS, LIMIT).map((shape) => ({
  name: shape.name,
  next: () => shape.nextRequest(random),
}));
const pages: RequestSpec[] = [];
for (let search = 0; search < 8; search++) {
  for (const first of pagedSearchStarts(random, COLLECTIONS, LIMIT)) {
    let spec: RequestSpec | undefined = first;
    for (let page = 1; page < 50 && spec; page++) spec = nextPageRequest(JSON.parse(await send(spec)), spec);
    if (spec) {
      pages.push(spec);
      break;
    }
  }
}
let turn = 0;
if (pages.length > 0) shapes.push({ name: 'page 50', next: () => pages[turn++ % pages.length] });

const wanted = args.shapes?.split(',');
for (const shape of shapes) {
  if (wanted && !wanted.some((prefix) => shape.name.startsWith(prefix))) continue;
  const specs = Array.from({ length: requests + WARMUP }, () => shape.next());
  for (const spec of specs.slice(0, WARMUP)) await send(spec);
  storeMs = 0;
  let bytes = 0;
  let withCount = 0;
  const started = process.cpuUsage();
  for (const spec of specs.slice(WARMUP)) {
    const body = await send(spec);
    bytes += body.length;
    if (body.includes('"numberMatched"')) withCount++;
  }
  const total = cpuMs(started) / requests;
  const inStore = storeMs / requests;
  console.log(
    `${shape.name.padEnd(24)} CPU ${total.toFixed(2)} ms/search (store ${inStore.toFixed(2)}, rest ${(total - inStore).toFixed(2)})  ${(bytes / requests / 1024).toFixed(1)} KiB  numberMatched in ${Math.round((100 * withCount) / requests)} %`,
  );
}
await app.close();
await store.close();
