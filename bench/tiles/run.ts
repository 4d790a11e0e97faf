/**
 * Tile benchmark (issue 3, point 9): tiles per second and p50/p95 latency of the raster tile API at
 * concurrency 1 and 8, zooms 8–14, with and without a band-math expression, on a 4-band uint16 COG it makes
 * itself, a 12-item mosaic of the same scene cut in 4 × 3 parts, and the same tiles rendered by GDAL
 * (gdalwarp + gdal_translate) in the same run, as a ratio.
 *
 *   npx tsx bench/tiles/run.ts                     # 10980×10980 (the size), ~300 requests per scenario
 *   npx tsx bench/tiles/run.ts --size 4096 --requests 150 --gdal-tiles 24
 *
 * Reports go to bench/reports/tiles-<size>.json and .md. Not a test: figures depend on the machine and on
 * whatever else runs on it.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { LocalHttpClient, runLoad, type LatencySummary } from '../catalog/http-load.js';
import { tileBounds, WEB_MERCATOR_QUAD, type TileAddress } from '../../src/raster/tiles/tile-matrix-set.js';
import { renderTileWithGdal } from './gdal-tiles.js';
import { ensureSyntheticCog, ensureSyntheticPart } from './synthetic-cog.js';
import { benchTilePicker, ZOOMS } from './tile-picks.js';

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : fallback;
}

const size = Number(argument('size', '10980'));
const requests = Number(argument('requests', '300'));
const gdalTiles = Number(argument('gdal-tiles', '40'));
const dataDir = argument('data-dir', '/tmp/fournaise-bench-tiles');
const outDir = argument('out', join(import.meta.dirname, '../reports'));
function startServer(cogPaths: string[]): Promise<{ port: number; pid: number; stop: () => void }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'tile-server.ts'), ...cogPaths],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const match = /PORT (\d+)/.exec(chunk.toString());
      if (match) resolve({ port: Number(match[1]), pid: child.pid!, stop: () => child.kill() });
    });
    child.on('exit', (code) => reject(new Error(`tile server exited with ${code}`)));
  });
}

/** CPU seconds (user + system) of a process, all threads. */
function cpuSeconds(pid: number): number {
  return ticksOf(`/proc/${pid}/stat`);
}

/** CPU seconds of a process's main thread (the event loop), whose load bounds throughput on its own. */
function mainThreadCpuSeconds(pid: number): number {
  return ticksOf(`/proc/${pid}/task/${pid}/stat`);
}

function ticksOf(statPath: string): number {
  const fields = readFileSync(statPath, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** One scenario, with the server's CPU time per tile: whole process and event loop. */
async function measure(
  pid: number,
  run: () => Promise<LatencySummary>,
): Promise<LatencySummary & { mainThreadCpuMsPerRequest: number }> {
  const before = mainThreadCpuSeconds(pid);
  const result = await run();
  const mainThreadCpuMsPerRequest =
    ((mainThreadCpuSeconds(pid) - before) * 1000) / Math.max(1, result.requests);
  return { ...result, mainThreadCpuMsPerRequest };
}

function peakRssMiB(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : 0;
}

function summarize(latencies: number[], durationMs: number) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return {
    tiles: sorted.length,
    tilesPerSecond: (sorted.length * 1000) / durationMs,
    p50Ms: at(0.5),
    p95Ms: at(0.95),
  };
}

async function gdalRun(cogPath: string, tiles: TileAddress[], concurrency: number) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < tiles.length)
        latencies.push(await renderTileWithGdal(cogPath, tileBounds(WEB_MERCATOR_QUAD, tiles[next++])));
    }),
  );
  return summarize(latencies, performance.now() - started);
}

mkdirSync(dataDir, { recursive: true });
mkdirSync(outDir, { recursive: true });
const loadAtStart = loadavg();
const cogPath = join(dataDir, `scene-${size}.tif`);
const writeStarted = performance.now();
const geoTransform = ensureSyntheticCog(cogPath, size);
// The 12-item mosaic: the same scene cut into 4 × 3 part COGs, one item each.
const partPaths: string[] = [];
for (let row = 0; row < 3; row++) {
  for (let column = 0; column < 4; column++) {
    const [x, y] = [Math.floor((column * size) / 4), Math.floor((row * size) / 3)];
    const [width, height] = [
      Math.floor(((column + 1) * size) / 4) - x,
      Math.floor(((row + 1) * size) / 3) - y,
    ];
    const partPath = join(dataDir, `scene-${size}-part-${row}-${column}.tif`);
    ensureSyntheticPart(partPath, width, height, x, y);
    partPaths.push(partPath);
  }
}
const writeSeconds = (performance.now() - writeStarted) / 1000;
const pickTile = benchTilePicker(geoTransform, size);
const STYLES = {
  rgb: '?bidx=1,2,3&rescale=0,4000',
  expression: `?expression=${encodeURIComponent('(b4-b1)/(b4+b1)')}&rescale=-1,1&colormap_name=viridis`,
};

const server = await startServer([cogPath, ...partPaths]);
const client = new LocalHttpClient(server.port);
const path = (tile: TileAddress, style: string) =>
  `/api/collections/bench/items/scene/tiles/WebMercatorQuad/${tile.z}/${tile.x}/${tile.y}.png${style}`;
await runLoad(client, {
  concurrency: 4,
  maxRequests: 40,
  maxDurationMs: 120_000,
  nextRequest: (n) => ({ method: 'GET', path: path(pickTile(n), STYLES.rgb) }),
});

const results: Record<string, LatencySummary & { mainThreadCpuMsPerRequest: number }> = {};
for (const [name, style] of Object.entries(STYLES)) {
  for (const concurrency of [1, 8]) {
    results[`${name} c=${concurrency}`] = await measure(server.pid, () =>
      runLoad(client, {
        concurrency,
        maxRequests: requests,
        maxDurationMs: 300_000,
        nextRequest: (n) => ({ method: 'GET', path: path(pickTile(n), style) }),
        check: (response) =>
          response.status === 200 ? undefined : `HTTP ${response.status}: ${response.body.slice(0, 200)}`,
        serverCpuSeconds: () => cpuSeconds(server.pid),
      }),
    );
  }
}
const mosaicId = JSON.parse(
  (await client.send({ method: 'POST', path: '/api/mosaics', body: { collections: ['bench'] } })).body,
).id;
for (const concurrency of [1, 8]) {
  results[`mosaic (12 items) c=${concurrency}`] = await measure(server.pid, () =>
    runLoad(client, {
      concurrency,
      maxRequests: requests,
      maxDurationMs: 300_000,
      nextRequest: (n) => {
        const tile = pickTile(n);
        return {
          method: 'GET',
          path: `/api/mosaics/${mosaicId}/tiles/WebMercatorQuad/${tile.z}/${tile.x}/${tile.y}.png${STYLES.rgb}`,
        };
      },
      check: (response) =>
        response.status === 200 ? undefined : `HTTP ${response.status}: ${response.body.slice(0, 200)}`,
      serverCpuSeconds: () => cpuSeconds(server.pid),
    }),
  );
}
const serverPeakRss = peakRssMiB(server.pid);
client.close();
server.stop();

const gdalList = Array.from({ length: gdalTiles }, (_, n) => pickTile(n));
const gdal = { 'c=1': await gdalRun(cogPath, gdalList, 1), 'c=8': await gdalRun(cogPath, gdalList, 8) };

const loadAtEnd = loadavg();
const report = {
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    // 1-minute load average before and after: other work on the machine shares its cores with the run.
    loadAverage: { start: Number(loadAtStart[0].toFixed(2)), end: Number(loadAtEnd[0].toFixed(2)) },
  },
  raster: {
    size,
    bands: 4,
    dataType: 'uint16',
    epsg: 32740,
    file: cogPath,
    writeSeconds: Number(writeSeconds.toFixed(1)),
  },
  zooms: ZOOMS,
  requestsPerScenario: requests,
  fournaise: results,
  serverPeakRssMiB: serverPeakRss,
  gdal,
  ratios: {
    'tiles/s c=1 (Fournaise rgb / GDAL)': results['rgb c=1'].requestsPerSecond / gdal['c=1'].tilesPerSecond,
    'tiles/s c=8 (Fournaise rgb / GDAL)': results['rgb c=8'].requestsPerSecond / gdal['c=8'].tilesPerSecond,
  },
  targets: {
    '≥150 tiles/s at c=8 (rgb)': results['rgb c=8'].requestsPerSecond >= 150,
    'p95 < 50 ms at c=1 (rgb)': results['rgb c=1'].p95Ms < 50,
    'faster than GDAL at c=8': results['rgb c=8'].requestsPerSecond > gdal['c=8'].tilesPerSecond,
  },
};
const base = join(outDir, `tiles-${size}`);
writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
const rows = Object.entries(results).map(
  ([name, r]) =>
    `| Fournaise ${name} | ${r.requestsPerSecond.toFixed(1)} | ${r.p50Ms.toFixed(1)} | ${r.p95Ms.toFixed(1)} | ${r.serverCpuMsPerRequest?.toFixed(1) ?? ''} | ${r.mainThreadCpuMsPerRequest.toFixed(1)} | ${r.errors} |`,
);
const gdalRows = Object.entries(gdal).map(
  ([name, r]) =>
    `| GDAL ${name} | ${r.tilesPerSecond.toFixed(1)} | ${r.p50Ms.toFixed(1)} | ${r.p95Ms.toFixed(1)} | | | 0 |`,
);
writeFileSync(
  `${base}.md`,
  [
    `# Tile benchmark, ${size}×${size} 4-band uint16 COG, zooms ${ZOOMS[0]}–${ZOOMS.at(-1)}`,
    '',
    `${report.date}; ${report.machine.cpus} CPUs (${report.machine.cpuModel}); load average ${report.machine.loadAverage.start} at start, ${report.machine.loadAverage.end} at end; COG written in ${report.raster.writeSeconds} s; server peak RSS ${serverPeakRss} MiB; ${requests} requests per scenario.`,
    '',
    'CPU ms/tile: server CPU time (all threads: event loop, inflate workers, libuv pool for PNG) per tile;',
    'event loop ms/tile: the main thread alone. Both are steadier than tiles/s when other work shares the machine.',
    '',
    '| Scenario | tiles/s | p50 ms | p95 ms | CPU ms/tile | event loop ms/tile | errors |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    ...gdalRows,
    '',
    ...Object.entries(report.ratios).map(([k, v]) => `- ${k}: ${v.toFixed(1)}×`),
    ...Object.entries(report.targets).map(([k, v]) => `- target ${k}: ${v ? 'met' : 'NOT met'}`),
    '',
  ].join('\n'),
);
console.log(readFileSync(`${base}.md`, 'utf8'));
