/**
 * `fournaise serve --workers N` (or FOURNAISE_WORKERS=N): the main job in N processes sharing one port
 * (see src/server-cluster.ts). The primary creates the stores and builds the demo centre on first start,
 * once, before any worker opens the data directory; then each worker runs the ordinary `serve` (serve-command.ts, through
 * serve-worker.ts) on the shared port, and the primary reports the URL, waits for SIGINT or SIGTERM and
 * stops the workers.
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServerConfig } from '../config.js';
import { openSqliteCatalogStore } from '../catalog/store/sqlite/sqlite-catalog-store.js';
import { buildDemoCentre, isDemoBuildNeeded } from '../demo/demo-builder.js';
import { openSqliteInsituStore } from '../insitu/store/sqlite/sqlite-insitu-store.js';
import { defaultWorkerCount, startServerCluster } from '../server-cluster.js';
import { CliUsageError, EXIT, type CliIo } from './cli-command.js';
import { showDemoProgress } from './demo-progress.js';
import { ProgressDisplay } from './progress-display.js';

/**
 * The number of server processes: `--workers` wins over FOURNAISE_WORKERS; `auto` is one per available
 * core; 1 (a single process, no cluster) when neither is set.
 */
export function serverWorkerCount(option: string | undefined, env: NodeJS.ProcessEnv): number {
  const text = option ?? (env.FOURNAISE_WORKERS || undefined);
  if (text === undefined) return 1;
  if (text === 'auto') return defaultWorkerCount();
  const count = Number(text);
  if (!Number.isInteger(count) || count < 1) {
    const source = option === undefined ? 'FOURNAISE_WORKERS' : '--workers';
    throw new CliUsageError(`${source} must be a positive integer or 'auto', got '${text}'`);
  }
  return count;
}

/**
 * Creates or migrates the stores and builds the demo on first start, in this process alone: workers
 * opening a new data directory at once would race to create the same schemas.
 */
async function prepareDataDirectory(config: ServerConfig, io: CliIo): Promise<void> {
  const buildDemo = config.demoOnFirstStart && (await isDemoBuildNeeded(config.dataDir));
  const catalog = openSqliteCatalogStore({ dataDir: config.dataDir });
  try {
    if (buildDemo) {
      io.stderr.write(`first start: building the La Réunion demo centre in ${config.dataDir}\n`);
      const display = new ProgressDisplay({ stream: io.stderr });
      try {
        await buildDemoCentre({ catalog, dataDir: config.dataDir, onProgress: showDemoProgress(display) });
      } finally {
        display.finish();
      }
    }
  } finally {
    await catalog.close();
  }
  await openSqliteInsituStore({ dataDir: config.dataDir }).close();
}

/** Runs the cluster until SIGINT or SIGTERM; resolves to the exit code. */
export async function serveCluster(config: ServerConfig, workers: number, io: CliIo): Promise<number> {
  await prepareDataDirectory(config, io);
  const cluster = await startServerCluster({
    workers,
    // serve-worker.ts from the sources (tsx), serve-worker.js once built.
    exec: fileURLToPath(new URL(`./serve-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url)),
    log: (line) => io.stderr.write(`${line}\n`),
  });
  io.stdout.write(
    `Fournaise listening on ${cluster.url} (API: ${cluster.url}/api, data: ${config.dataDir}, ${workers} server processes)\n`,
  );
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    const stop = (received: NodeJS.Signals) => {
      process.removeListener('SIGINT', stop);
      process.removeListener('SIGTERM', stop);
      resolve(received);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  io.stderr.write(`${signal}: shutting down ${workers} server processes\n`);
  await cluster.close();
  return EXIT.ok;
}
