/**
 * The main job: opens the catalogue in the data directory (building the demo centre there on first start),
 * builds the HTTP application and listens. `fournaise serve` and `npm start` run it.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from './api/build-app.js';
import type { CatalogStore } from './catalog/store/catalog-store.js';
import { openSqliteCatalogStore } from './catalog/store/sqlite/sqlite-catalog-store.js';
import type { ServerConfig } from './config.js';
import { buildDemoCentre, type DemoProgressEvent, isDemoBuildNeeded } from './demo/demo-builder.js';

export interface RunningServer {
  /** The URL the server listens on, e.g. `http://localhost:8080`. */
  url: string;
  app: FastifyInstance;
  catalog: CatalogStore;
  /** Stops accepting requests, finishes those in flight, then closes the store. Safe to call twice. */
  close(): Promise<void>;
}

export interface StartServerOptions {
  /** Progress of the demo build on first start. */
  onDemoProgress?: (event: DemoProgressEvent) => void;
  /** Called once when the demo build starts (so callers can announce it). */
  onDemoStart?: () => void;
  /** Request logging (pino on stdout). */
  logger?: boolean;
}

/**
 * Starts the server described by `config`.
 *
 * @example
 * const server = await startServer(readServerConfig(process.env, process.cwd()));
 * process.once('SIGTERM', () => server.close());
 */
export async function startServer(
  config: ServerConfig,
  options: StartServerOptions = {},
): Promise<RunningServer> {
  // Decided before opening the store, which creates files in the data directory.
  const buildDemo = config.demoOnFirstStart && (await isDemoBuildNeeded(config.dataDir));
  const catalog = openSqliteCatalogStore({ dataDir: config.dataDir });
  let app: FastifyInstance | undefined;
  try {
    if (buildDemo) {
      options.onDemoStart?.();
      await buildDemoCentre({ catalog, dataDir: config.dataDir, onProgress: options.onDemoProgress });
    }
    app = buildApp({ catalog, baseUrl: config.baseUrl, logger: options.logger });
    const address = await app.listen({ port: config.port, host: config.host });
    let closing: Promise<void> | undefined;
    const started = app;
    return {
      url: displayUrl(address, config.host),
      app: started,
      catalog,
      close: () => (closing ??= started.close().finally(() => catalog.close())),
    };
  } catch (error) {
    await app?.close();
    await catalog.close();
    throw error;
  }
}

/** `http://localhost:8080` rather than `http://[::1]:8080` when listening on localhost. */
function displayUrl(address: string, host: string): string {
  const url = new URL(address);
  if (host === 'localhost') url.hostname = 'localhost';
  return url.href.replace(/\/$/, '');
}
