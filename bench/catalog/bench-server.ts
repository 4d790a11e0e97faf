/**
 * The server side of the benchmark, run as a child process so its peak memory is measured on its own:
 * opens the SQLite catalogue in the given data directory, builds the HTTP app without request logging,
 * listens on 127.0.0.1 on a random port and sends the port to the parent over IPC. Stops on the
 * message 'stop'.
 *
 * Usage (by run.ts): node --import tsx bench/catalog/bench-server.ts <dataDir>
 */
import { buildApp } from '../../src/api/build-app.js';
import { openSqliteCatalogStore } from '../../src/catalog/store/sqlite/sqlite-catalog-store.js';

const dataDir = process.argv[2];
if (!dataDir || !process.send) {
  console.error('usage: run by bench/catalog/run.ts with an IPC channel: bench-server.ts <dataDir>');
  process.exit(2);
}

const catalog = await openSqliteCatalogStore({ dataDir });
const app = await buildApp({ catalog, logger: false });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
if (address === null || typeof address === 'string')
  throw new Error(`unexpected server address ${String(address)}`);
process.send({ port: address.port });

process.on('message', (message) => {
  if (message !== 'stop') return;
  void (async () => {
    await app.close();
    await catalog.close();
    process.exit(0);
  })();
});
