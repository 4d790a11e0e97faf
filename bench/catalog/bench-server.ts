/**
 * The server side of the benchmark, run as a child process so its peak memory is measured on its own:
 * opens the SQLite catalogue in the given data directory, builds the HTTP app without request logging,
 * listens on 127.0.0.1 on a random port and sends the port to the parent over IPC. Stops on the
 * message 'stop'.
 *
 * With a worker count above 1 it serves as `fournaise serve --workers N` does (src/server-cluster.ts): this
 * process forks the workers, which run this same script, each with its own store on the shared port; the
 * parent then also gets their process ids, to add up their CPU time and memory. Workers share the memory
 * budget as serve's do (sqliteMemoryForWorkers).
 *
 * Usage (by run.ts): node --import tsx bench/catalog/bench-server.ts <dataDir> [workers]
 */
import cluster from 'node:cluster';
import { buildApp } from '../../src/api/build-app.js';
import { openSqliteCatalogStore } from '../../src/catalog/store/sqlite/sqlite-catalog-store.js';
import { sqliteMemoryForWorkers } from '../../src/catalog/store/sqlite/sqlite-schema.js';
import { reportWorkerListening, startServerCluster } from '../../src/server-cluster.js';

const dataDir = process.argv[2];
const workers = Number(process.argv[3] ?? '1');
if (!dataDir || !process.send || !Number.isInteger(workers) || workers < 1) {
  console.error(
    'usage: run by bench/catalog/run.ts with an IPC channel: bench-server.ts <dataDir> [workers]',
  );
  process.exit(2);
}

/** Serves the catalogue in this process; resolves to the port and a function that stops it. */
async function serve(): Promise<{ port: number; stop: () => Promise<void> }> {
  const catalog = await openSqliteCatalogStore({ dataDir }, { memory: sqliteMemoryForWorkers(workers) });
  const app = await buildApp({ catalog, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string')
    throw new Error(`unexpected server address ${String(address)}`);
  return {
    port: address.port,
    stop: async () => {
      await app.close();
      await catalog.close();
    },
  };
}

if (workers === 1) {
  const server = await serve();
  process.send({ port: server.port, workerPids: [] });
  process.on('message', (message) => {
    if (message === 'stop') void server.stop().then(() => process.exit(0));
  });
} else if (cluster.isPrimary) {
  // Migrates the catalogue once, before the workers open it.
  await openSqliteCatalogStore({ dataDir }).close();
  const servers = await startServerCluster({ workers });
  process.send({ port: Number(new URL(servers.url).port), workerPids: servers.workerPids() });
  process.on('message', (message) => {
    if (message === 'stop') void servers.close().then(() => process.exit(0));
  });
} else {
  const server = await serve();
  reportWorkerListening(`http://127.0.0.1:${server.port}`);
  process.once('SIGTERM', () => void server.stop().then(() => process.exit(0)));
}
