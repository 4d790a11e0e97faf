/**
 * Builds the Fournaise HTTP application without listening: `src/server.ts` listens, tests call `inject()`.
 * The STAC/OGC API lives under `/api`; `/` is left for the web portal.
 */
import cors from '@fastify/cors';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { DEFAULT_LIMIT_POLICY } from '../catalog/search/limit-parser.js';
import type { CatalogStore } from '../catalog/store/catalog-store.js';
import { catalogPlugin } from './catalog/catalog-plugin.js';
import { UNKNOWN_EXTENSIONS_HEADER } from './catalog/stac-body-check.js';
import { registerErrorHandling, sendError } from './errors.js';
import { ItemLinkRegistry } from './item-link-registry.js';
import { LandingRegistry } from './landing-registry.js';
import { openApiRoutes } from './openapi/openapi-routes.js';

/** Options of {@link buildApp}. */
export interface BuildAppOptions {
  /** The catalogue store (SQLite by default). The app does not close it. */
  catalog: CatalogStore;
  /**
   * Public URL of the server root, e.g. `https://data.example.org/fournaise`: links are built on it
   * (`<baseUrl>/api/...`). Absent → from X-Forwarded-Proto/Host/Prefix, else the request's Host.
   */
  baseUrl?: string;
  /** Default page size; 10 when absent. */
  defaultLimit?: number;
  /** Largest page size; larger `limit` values are clamped to it. 10,000 when absent. */
  maxLimit?: number;
  /** Log requests with pino (default false, as tests want). */
  logger?: boolean;
  /** Title and description of the landing page and the OpenAPI document. */
  title?: string;
  description?: string;
}

/** Mount point of the STAC/OGC API. */
export const API_PREFIX = '/api';

/**
 * Creates the Fastify instance with CORS, error handling, OpenAPI generation and the catalogue plugin.
 * Other capability plugins are registered on the returned instance under `API_PREFIX` and add their
 * landing-page links and conformance classes through `app.landing` (see LandingRegistry).
 *
 * @example
 * const app = buildApp({ catalog: openSqliteCatalogStore({ dataDir: './data' }) });
 * await app.listen({ port: 8080, host: '0.0.0.0' });
 */
export function buildApp(options: BuildAppOptions): FastifyInstance {
  const maxLimit = options.maxLimit ?? DEFAULT_LIMIT_POLICY.maxLimit;
  const defaultLimit = Math.min(options.defaultLimit ?? DEFAULT_LIMIT_POLICY.defaultLimit, maxLimit);
  const title = options.title ?? 'Fournaise';
  const description = options.description ?? 'Fournaise Earth-system data and services centre: STAC API';

  const app = Fastify({
    logger: options.logger ?? false,
    // Item ids from other catalogues can be long (Sentinel-2 product ids exceed 60 characters).
    routerOptions: { maxParamLength: 1000, ignoreTrailingSlash: true },
    trustProxy: false,
    frameworkErrors: sendError,
  });
  app.decorate('landing', new LandingRegistry());
  app.decorate('itemLinks', new ItemLinkRegistry());
  registerErrorHandling(app);
  app.register(cors, { origin: true, exposedHeaders: ['Location', UNKNOWN_EXTENSIONS_HEADER] });
  app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title, description, version: '1.0.0' },
      tags: [
        { name: 'Core' },
        { name: 'Collections' },
        { name: 'Features' },
        { name: 'Item Search' },
        { name: 'Filter' },
        { name: 'Aggregation' },
        { name: 'Transactions' },
      ],
    },
  });
  app.register(openApiRoutes, { prefix: API_PREFIX, baseUrl: options.baseUrl });
  app.register(catalogPlugin, {
    prefix: API_PREFIX,
    catalog: options.catalog,
    limits: { defaultLimit, maxLimit },
    title,
    description,
    baseUrl: options.baseUrl,
  });
  return app;
}
