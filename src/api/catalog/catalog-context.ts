/**
 * What every catalogue route needs: the store, the page-size policy, and the absolute URL of the API root
 * for the current request.
 */
import type { FastifyRequest } from 'fastify';
import type { LimitPolicy } from '../../catalog/search/limit-parser.js';
import type { CollectionLinkOptions } from '../../catalog/links/stac-links.js';
import type { CatalogStore } from '../../catalog/store/catalog-store.js';
import { resolvePublicBaseUrl } from '../public-url.js';

/** Shared state of the catalogue routes, built once per plugin. */
export interface CatalogContext {
  store: CatalogStore;
  limits: LimitPolicy;
  title: string;
  description: string;
  /** Mount point of the catalogue routes, e.g. `/api`. */
  prefix: string;
  /** Absolute URL of the API root (`…/api`) as the client sees it. */
  apiRoot(request: FastifyRequest): string;
  /** Absolute URL of the site root, where the portal serves landing pages (`…/collections/{id}`). */
  siteRoot(request: FastifyRequest): string;
}

/** Builds the context of a catalogue plugin mounted at `prefix` (e.g. `/api`). */
export function createCatalogContext(options: {
  store: CatalogStore;
  limits: LimitPolicy;
  title: string;
  description: string;
  baseUrl?: string;
  prefix: string;
}): CatalogContext {
  return {
    store: options.store,
    limits: options.limits,
    title: options.title,
    description: options.description,
    prefix: options.prefix,
    apiRoot: (request) => `${resolvePublicBaseUrl(request, options.baseUrl)}${options.prefix}`,
    siteRoot: (request) => resolvePublicBaseUrl(request, options.baseUrl),
  };
}

/** Absolute URL of the current request, query string included, for `self` links. */
export function requestUrl(context: CatalogContext, request: FastifyRequest): string {
  const { prefix } = context;
  const url = request.url.startsWith(prefix) ? request.url.slice(prefix.length) : request.url;
  return `${context.apiRoot(request)}${url === '/' ? '' : url}`;
}

/** Which optional links collections get: queryables with the filter extension, aggregate with aggregation. */
export function collectionLinkOptions(store: CatalogStore): CollectionLinkOptions {
  return { queryables: store.capabilities.filter, aggregation: store.capabilities.aggregation };
}
