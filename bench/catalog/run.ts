/**
 * The catalogue benchmark (issue 2, point 8): builds a synthetic catalogue of N items in a data
 * directory, measures the ingest rate, serves it over HTTP from a child process on 127.0.0.1, measures
 * search and aggregation latency, throughput, the server's peak memory and the size on disk, and writes
 * bench/reports/catalog-<N>.json and .md.
 *
 * Usage: npm run bench:catalog -- [--items 1000000] [--collections 20] [--out bench/reports]
 *   [--seed 2025] [--order chronological|random] [--limit 10] [--data-dir DIR [--reuse]] [--quick]
 *   [--cpu-prof DIR] [--workers N] [--batch-size N]
 * --data-dir keeps the catalogue in DIR (a temporary directory is used and deleted otherwise); with
 * --reuse an existing catalogue in DIR is served without re-ingesting. --quick runs fewer requests.
 * --order decides whether items arrive in acquisition order (default) or in random datetime order.
 * --cpu-prof writes a V8 CPU profile of the server into DIR (of each server process).
 * --workers serves from N processes on one port, as `fournaise serve --workers N` does (default 1); server
 * CPU time and peak memory are then added up over the processes.
 * --batch-size sets the items per writeItems call (default: `fournaise ingest`'s, DEFAULT_BATCH_SIZE).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_BATCH_SIZE } from '../../src/catalog/ingest/ingest-types.js';
import { openSqliteCatalogStore } from '../../src/catalog/store/sqlite/sqlite-catalog-store.js';
import { BULK_WRITE_SQLITE_MEMORY } from '../../src/catalog/store/sqlite/sqlite-schema.js';
import { buildCatalogue, type IngestFigures } from './catalog-builder.js';
import { checkTargets, writeReport, type BenchReport } from './bench-report.js';
import { LocalHttpClient } from './http-load.js';
import {
  describeMachine,
  directorySize,
  peakRssBytes,
  processCpuSeconds,
  sampleRss,
} from './machine-info.js';
import { measureAggregations, measureSearches, type MeasurementPlan } from './search-measurements.js';

const { values: args } = parseArgs({
  options: {
    items: { type: 'string', default: '1000000' },
    collections: { type: 'string', default: '20' },
    out: { type: 'string', default: 'bench/reports' },
    seed: { type: 'string', default: '2025' },
    limit: { type: 'string', default: '10' },
    'data-dir': { type: 'string' },
    reuse: { type: 'boolean', default: false },
    order: { type: 'string', default: 'chronological' },
    quick: { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
    workers: { type: 'string', default: '1' },
    'batch-size': { type: 'string', default: String(DEFAULT_BATCH_SIZE) },
  },
});

function positiveInteger(name: string, text: string): number {
  const value = Number(text.replaceAll('_', ''));
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} must be a positive integer, got '${text}'`);
  return value;
}

const items = positiveInteger('items', args.items);
const collections = positiveInteger('collections', args.collections);
const seed = positiveInteger('seed', args.seed);
const batchSize = positiveInteger('batch-size', args['batch-size']);
const limit = positiveInteger('limit', args.limit);
const workers = positiveInteger('workers', args.workers);
if (args.order !== 'chronological' && args.order !== 'random') {
  throw new Error(`--order must be chronological or random, got '${args.order}'`);
}
const order = args.order;
const log = (line: string): void => console.log(line);

const isTemporary = args['data-dir'] === undefined;
const dataDir = isTemporary
  ? mkdtempSync(join(tmpdir(), 'fournaise-bench-'))
  : resolve(args['data-dir'] as string);
mkdirSync(dataDir, { recursive: true });
const isReusing = args.reuse && readdirSync(dataDir).length > 0;

async function ingest(): Promise<(IngestFigures & { ingestProcessPeakRssBytes: number }) | undefined> {
  if (isReusing) {
    log(`Reusing the catalogue in ${dataDir} (no ingest).`);
    return undefined;
  }
  log(`Building ${items.toLocaleString('en-US')} items over ${collections} collections in ${dataDir}...`);
  // The page cache of `fournaise ingest`, so the figure is the command's.
  const store = await openSqliteCatalogStore({ dataDir }, { memory: BULK_WRITE_SQLITE_MEMORY });
  let lastReport = 0;
  const figures = await buildCatalogue(store, {
    items,
    collections,
    seed,
    order,
    batchSize,
    onProgress: (written, rate) => {
      if (written - lastReport >= items / 20 || written === items) {
        lastReport = written;
        log(
          `  ${written.toLocaleString('en-US').padStart(11)} items  ${Math.round(rate).toLocaleString('en-US')} items/s`,
        );
      }
    },
  });
  await store.close();
  return { ...figures, ingestProcessPeakRssBytes: process.resourceUsage().maxRSS * 1024 };
}

interface BenchServer {
  child: ChildProcess;
  port: number;
  /** The server's processes: the child and, with --workers above 1, its workers. */
  pids: number[];
}

function startServer(): Promise<BenchServer> {
  const execArgv = ['--import', 'tsx'];
  if (args['cpu-prof']) execArgv.push('--cpu-prof', `--cpu-prof-dir=${resolve(args['cpu-prof'])}`);
  const child = fork(resolve(import.meta.dirname, 'bench-server.ts'), [dataDir, String(workers)], {
    execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolvePort, reject) => {
    child.once('message', (message) => {
      const { port, workerPids } = message as { port: number; workerPids: number[] };
      resolvePort({ child, port, pids: [child.pid as number, ...workerPids] });
    });
    child.once('exit', (code) =>
      reject(new Error(`the benchmark server exited with code ${code} before listening`)),
    );
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolveStop) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveStop();
    });
    child.send('stop');
  });
}

async function main(): Promise<void> {
  const machine = describeMachine();
  log(
    `Machine: ${machine.cpuModel}, ${machine.cores} cores, ${(machine.memoryBytes / 1024 ** 3).toFixed(1)} GiB, node ${machine.node}`,
  );
  const ingestFigures = await ingest();
  if (ingestFigures)
    log(
      `Ingest: ${Math.round(ingestFigures.itemsPerSecond).toLocaleString('en-US')} items/s inside writeItems (${ingestFigures.writeSeconds.toFixed(1)} s)`,
    );

  const { child, port, pids } = await startServer();
  log(`Server pid ${pids.join(', ')} listening on 127.0.0.1:${port}`);
  const client = new LocalHttpClient(port);
  const sampler = sampleRss(pids);
  const sum = (values: (number | undefined)[]): number | undefined =>
    values.some((v) => v === undefined) ? undefined : values.reduce((a: number, b) => a + (b as number), 0);
  const plan: MeasurementPlan = {
    collections,
    limit,
    seed,
    requestsAt1: args.quick ? 60 : 300,
    requestsAt16: args.quick ? 300 : 1600,
    maxRunMs: args.quick ? 10_000 : 25_000,
    warmupRequests: args.quick ? 5 : 20,
    pagedSearches: args.quick ? 3 : 8,
    pageNumber: 50,
    aggregationRequests: args.quick ? 8 : 25,
    serverCpuSeconds: () => pids.reduce((total, pid) => total + processCpuSeconds(pid), 0),
    log,
  };
  let report: BenchReport;
  try {
    const probe = await client.send({ method: 'GET', path: '/api/search?limit=1' });
    if (probe.status !== 200)
      throw new Error(`GET /api/search?limit=1 answered HTTP ${probe.status}: ${probe.body.slice(0, 300)}`);
    log('Searches:');
    const { searches, throughput } = await measureSearches(client, plan);
    log('Aggregations:');
    const aggregations = await measureAggregations(client, plan);
    const memory = {
      serverPeakRssBytes: sum(pids.map(peakRssBytes)),
      processPeakRssBytes: pids.map(peakRssBytes),
      sampledPeaks: sampler.stop(),
    };
    const partial: Omit<BenchReport, 'targets'> = {
      machine,
      config: { items, collections, seed, order, limit, dataDir, reusedData: isReusing, workers },
      ingest: ingestFigures,
      disk: { totalBytes: 0, files: {} },
      searches,
      throughput,
      aggregations,
      memory,
    };
    report = { ...partial, targets: [] };
  } finally {
    client.close();
    await stopServer(child);
  }
  report.disk = directorySize(dataDir);
  report.targets = checkTargets(report);
  const paths = writeReport(report, resolve(args.out));
  log('');
  log('Targets:');
  for (const t of report.targets)
    log(`  ${t.pass ? 'pass' : 'FAIL'}  ${t.metric.padEnd(62)} ${t.measured.padEnd(22)} target ${t.target}`);
  log(
    `Peak server RSS ${((report.memory.serverPeakRssBytes ?? NaN) / 1024 ** 2).toFixed(0)} MiB; size on disk ${(report.disk.totalBytes / 1024 ** 2).toFixed(0)} MiB`,
  );
  log(`Reports: ${paths.json}, ${paths.markdown}`);
}

try {
  await main();
} finally {
  if (isTemporary) rmSync(dataDir, { recursive: true, force: true });
}
