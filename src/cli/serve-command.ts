/**
 * `fournaise serve`: the main job (see src/server.ts), with graceful shutdown on SIGINT and SIGTERM.
 */
import { readServerConfig } from '../config.js';
import { isClusterWorker, reportWorkerListening } from '../server-cluster.js';
import { sqliteMemoryForWorkers } from '../catalog/store/sqlite/sqlite-schema.js';
import { startServer } from '../server.js';
import { EXIT, parseCommandLine, type CliCommand } from './cli-command.js';
import { showDemoProgress } from './demo-progress.js';
import { ProgressDisplay } from './progress-display.js';
import { serveCluster, serverWorkerCount } from './serve-cluster.js';

const HELP = `Usage: fournaise serve [options]

Serves the data centre: the STAC / OGC API under /api (landing page /api, /api/collections,
/api/search, /api/conformance), the web portal at /. On first start (missing or empty data
directory) it builds the La Réunion demo centre there first, showing progress.

Options:
  --port <n>            port (default: $PORT, else 8080; 0 picks a free port)
  --host <name>         interface (default: $HOST, else localhost; 0.0.0.0 for every interface)
  --data-dir <dir>      data directory (default: $FOURNAISE_DATA_DIR, else ./data)
  --base-url <url>      public URL of the server root behind a proxy (default: $FOURNAISE_BASE_URL;
                        otherwise links follow X-Forwarded-* headers or the Host header)
  --asset-root <dir>    a folder whose files assets may point to, besides the data directory
                        (repeatable; default: $FOURNAISE_ASSET_ROOTS, ':'-separated)
  --workers <n|auto>    server processes sharing the port, so searches use several cores
                        (default: $FOURNAISE_WORKERS, else 1; auto: one per core)
  --no-demo             do not build the demo centre on first start
  --log                 log every request (JSON lines on stdout)
  -h, --help            show this help

Stops gracefully on SIGINT (Ctrl-C) or SIGTERM: requests in flight finish, the store is closed.
Exit codes: 0 stopped by a signal, 2 bad command line, 3 could not start (port in use, bad
configuration, unusable data directory).`;

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'serve the API and the portal (builds the demo centre on first start)',
  help: HELP,
  async run(args, io) {
    const { values } = parseCommandLine(
      args,
      {
        port: { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        'base-url': { type: 'string' },
        'asset-root': { type: 'string', multiple: true },
        'no-demo': { type: 'boolean' },
        workers: { type: 'string' },
        log: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      false,
    );
    if (values.help) {
      io.stdout.write(`${HELP}\n`);
      return EXIT.ok;
    }
    const config = readServerConfig(io.env, io.cwd, {
      port: values.port,
      host: values.host,
      dataDir: values['data-dir'],
      baseUrl: values['base-url'],
      demoOnFirstStart: !values['no-demo'],
      assetRoots: values['asset-root'],
    });
    const workers = serverWorkerCount(values.workers, io.env);
    if (workers > 1 && !isClusterWorker()) return serveCluster(config, workers, io);
    const display = new ProgressDisplay({ stream: io.stderr });
    const server = await startServer(config, {
      logger: values.log,
      onDemoStart: () =>
        io.stderr.write(`first start: building the La Réunion demo centre in ${config.dataDir}\n`),
      onDemoProgress: showDemoProgress(display),
      catalogMemory: sqliteMemoryForWorkers(isClusterWorker() ? workers : 1),
    });
    display.finish();
    if (isClusterWorker()) reportWorkerListening(server.url);
    else
      io.stdout.write(
        `Fournaise listening on ${server.url} (API: ${server.url}/api, data: ${config.dataDir})\n`,
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
    io.stderr.write(`${signal}: shutting down\n`);
    await server.close();
    return EXIT.ok;
  },
};
