/**
 * The catalogue capability over HTTP: STAC API 1.0 / OGC API – Features, with the filter, sort, fields,
 * free-text, collection-search, aggregation and transaction extensions the store supports.
 * Mounted by buildApp under `/api`.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { LimitPolicy } from '../../catalog/search/limit-parser.js';
import type { CatalogStore } from '../../catalog/store/catalog-store.js';
import { aggregationRoutes } from './aggregation-routes.js';
import { createCatalogContext } from './catalog-context.js';
import { collectionRoutes } from './collection-routes.js';
import { collectionTransactionRoutes } from './collection-transaction-routes.js';
import { conformanceClasses } from './conformance-classes.js';
import { itemRoutes } from './item-routes.js';
import { itemTransactionRoutes } from './item-transaction-routes.js';
import { landingRoutes } from './landing-routes.js';
import { queryablesRoutes } from './queryables-routes.js';

/** Options of {@link catalogPlugin}. */
export interface CatalogPluginOptions {
  catalog: CatalogStore;
  limits: LimitPolicy;
  title: string;
  description: string;
  /** Public base URL of the server (without `/api`); absent → derived from proxy headers or Host. */
  baseUrl?: string;
}

/** Media types whose bodies are JSON: GeoJSON items and JSON Merge Patch documents. */
const JSON_MEDIA_TYPES = ['application/geo+json', 'application/merge-patch+json'];

/**
 * Registers the catalogue routes under the plugin prefix and adds the conformance classes of the store to
 * the landing registry. Optional extensions are mounted only when the store has the capability.
 */
export const catalogPlugin: FastifyPluginAsync<CatalogPluginOptions> = async (app, options) => {
  const store = options.catalog;
  const context = createCatalogContext({
    store,
    limits: options.limits,
    title: options.title,
    description: options.description,
    baseUrl: options.baseUrl,
    prefix: app.prefix,
    // Standalone use of the plugin (without buildApp) has no registry: items then get no extra links.
    itemLinks: app.hasDecorator('itemLinks') ? app.itemLinks : undefined,
  });
  app.landing.addConformance(...conformanceClasses(store.capabilities));
  app.addContentTypeParser(
    JSON_MEDIA_TYPES,
    { parseAs: 'string' },
    app.getDefaultJsonParser('error', 'error'),
  );

  await app.register(landingRoutes(context));
  await app.register(collectionRoutes(context));
  await app.register(itemRoutes(context));
  if (store.capabilities.filter) await app.register(queryablesRoutes(context));
  if (store.capabilities.aggregation) await app.register(aggregationRoutes(context));
  if (store.capabilities.transactions) {
    await app.register(collectionTransactionRoutes(context));
    await app.register(itemTransactionRoutes(context));
  }
};
