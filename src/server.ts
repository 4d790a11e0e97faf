/**
 * The main job and composition root: opens the stores of every capability in the data directory (building the
 * demo centre there on first start), builds the HTTP application with the API plugins under `/api` and the
 * portal at `/`, and listens. `fournaise serve` and `npm start` run it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { ASSET_FOLDER } from './api/asset-hrefs.js';
import { API_PREFIX, buildApp } from './api/build-app.js';
import { catalogMosaicSearch } from './api/catalog-mosaic-search.js';
import { insituPlugin } from './api/insitu/insitu-plugin.js';
import { portalPlugin } from './api/portal/portal-plugin.js';
import { rasterPlugin } from './api/raster/raster-plugin.js';
import type { CatalogStore } from './catalog/store/catalog-store.js';
import { openSqliteCatalogStore } from './catalog/store/sqlite/sqlite-catalog-store.js';
import type { SqliteMemory } from './catalog/store/sqlite/sqlite-schema.js';
import type { ServerConfig } from './config.js';
import { buildDemoCentre, type DemoProgressEvent, isDemoBuildNeeded } from './demo/demo-builder.js';
import type { InsituStore } from './insitu/store/insitu-store.js';
import { openSqliteInsituStore } from './insitu/store/sqlite/sqlite-insitu-store.js';
import { RasterError } from './raster/raster-errors.js';

export interface RunningServer {
  /** The URL the server listens on, e.g. `http://localhost:8080`. */
  url: string;
  app: FastifyInstance;
  catalog: CatalogStore;
  insitu: InsituStore;
  /** Stops accepting requests, finishes those in flight, then closes the stores. Safe to call twice. */
  close(): Promise<void>;
}

export interface StartServerOptions {
  /** Progress of the demo build on first start. */
  onDemoProgress?: (event: DemoProgressEvent) => void;
  /** Called once when the demo build starts (so callers can announce it). */
  onDemoStart?: () => void;
  /** Request logging (pino on stdout). */
  logger?: boolean;
  /** Memory of the catalogue's connection (default: one server process; see sqliteMemoryForWorkers). */
  catalogMemory?: SqliteMemory;
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
  // Decided before opening the stores, which create files in the data directory.
  const buildDemo = config.demoOnFirstStart && (await isDemoBuildNeeded(config.dataDir));
  const catalog = openSqliteCatalogStore({ dataDir: config.dataDir }, { memory: options.catalogMemory });
  let insitu: InsituStore | undefined;
  let app: FastifyInstance | undefined;
  try {
    if (buildDemo) {
      options.onDemoStart?.();
      await buildDemoCentre({ catalog, dataDir: config.dataDir, onProgress: options.onDemoProgress });
    }
    insitu = openSqliteInsituStore({ dataDir: config.dataDir });
    app = buildApp({ catalog, baseUrl: config.baseUrl, logger: options.logger });
    await app.register(rasterPlugin, {
      prefix: API_PREFIX,
      getItem: (collectionId, itemId) => catalog.getItem(collectionId, itemId),
      resolveAssetHref: (href) => resolveAssetHref(href, config.assetRoots),
      searchItems: catalogMosaicSearch(catalog),
      mosaicFolder: join(config.dataDir, 'mosaics'),
      assetRoot: join(config.dataDir, ASSET_FOLDER),
    });
    app.itemLinks.serveStoredAssets();
    await app.register(insituPlugin, { prefix: API_PREFIX, store: insitu, baseUrl: config.baseUrl });
    await app.register(portalPlugin, {
      catalog,
      webRoot: join(packageRoot(), 'web', 'dist'),
      baseUrl: config.baseUrl,
    });
    const address = await app.listen({ port: config.port, host: config.host });
    const started = { app, insitu };
    let closing: Promise<void> | undefined;
    return {
      url: displayUrl(address, config.host),
      app,
      catalog,
      insitu,
      close: () =>
        (closing ??= started.app
          .close()
          .finally(() => Promise.all([catalog.close(), started.insitu.close()]).then(() => undefined))),
    };
  } catch (error) {
    await app?.close();
    await insitu?.close();
    await catalog.close();
    throw error;
  }
}

/**
 * Where the raster engine reads an asset: http(s) URLs as they are; relative hrefs (the demo's
 * `assets/<collection>/<item>/<file>`) against the data directory (the first root); local paths and `file:`
 * URLs only inside one of `roots`, so that a stored href cannot make the server read any other file.
 */
export function resolveAssetHref(href: string, roots: readonly string[]): string {
  if (/^https?:\/\//i.test(href)) return href;
  const path = resolve(roots[0], href.startsWith('file:') ? fileURLToPath(href) : href);
  const isInside = (root: string) => {
    const inside = relative(resolve(root), path);
    return inside !== '' && inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside);
  };
  if (!roots.some(isInside)) {
    throw new RasterError(
      'RASTER_ASSET_NOT_FOUND',
      `asset '${href}' is outside the data directory and asset roots`,
      href,
    );
  }
  return path;
}

/** The folder of package.json: the portal build (web/dist) sits there, whether running from src or dist. */
function packageRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!isFournaisePackage(folder)) {
    const parent = dirname(folder);
    if (parent === folder) return process.cwd();
    folder = parent;
  }
  return folder;
}

function isFournaisePackage(folder: string): boolean {
  const manifest = join(folder, 'package.json');
  if (!existsSync(manifest)) return false;
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'fournaise';
}

/** `http://localhost:8080` rather than `http://[::1]:8080` when listening on localhost. */
function displayUrl(address: string, host: string): string {
  const url = new URL(address);
  if (host === 'localhost') url.hostname = 'localhost';
  return url.href.replace(/\/$/, '');
}
