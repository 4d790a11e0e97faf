/**
 * What every catalogue route needs: the store, the page-size policy, and the absolute URL of the API root
 * for the current request.
 */
import type { FastifyRequest } from 'fastify';
import type { LimitPolicy } from '../../catalog/search/limit-parser.js';
import {
  withCollectionLinks,
  withItemLinks,
  type CollectionLinkOptions,
} from '../../catalog/links/stac-links.js';
import type { StacCollection, StacItem } from '../../catalog/model/stac-types.js';
import type { ItemLinkRegistry } from '../item-link-registry.js';
import type { CatalogStore } from '../../catalog/store/catalog-store.js';
import { resolvePublicBaseUrl } from '../public-url.js';
import { JsonObjectText } from './item-json-splice.js';

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
  /** The item with its navigation links, landing page link and the links other plugins contribute. */
  linkItem(item: StacItem, request: FastifyRequest): StacItem;
  /** The same as {@link linkItem} on an item's stored JSON text, as JSON text (see item-json-splice.ts). */
  linkItemText(text: string, request: FastifyRequest): string;
  /** The collection with its navigation and landing page links, and public asset hrefs. */
  linkCollection(collection: StacCollection, request: FastifyRequest): StacCollection;
}

/** Builds the context of a catalogue plugin mounted at `prefix` (e.g. `/api`). */
export function createCatalogContext(options: {
  store: CatalogStore;
  limits: LimitPolicy;
  title: string;
  description: string;
  baseUrl?: string;
  prefix: string;
  itemLinks?: ItemLinkRegistry;
}): CatalogContext {
  const apiRoot = (request: FastifyRequest): string =>
    `${resolvePublicBaseUrl(request, options.baseUrl)}${options.prefix}`;
  const siteRoot = (request: FastifyRequest): string => resolvePublicBaseUrl(request, options.baseUrl);
  return {
    store: options.store,
    limits: options.limits,
    title: options.title,
    description: options.description,
    prefix: options.prefix,
    apiRoot,
    siteRoot,
    linkItem: (item, request) => {
      const root = apiRoot(request);
      const published = options.itemLinks?.publishAssets(item, root) ?? item;
      const linked = withItemLinks(published, root, siteRoot(request));
      return options.itemLinks?.withLinks(linked, item, root) ?? linked;
    },
    linkItemText: (text, request) => {
      const root = apiRoot(request);
      const registry = options.itemLinks;
      const served = new JsonObjectText(text);
      // Only hrefs starting `assets/` are rewritten: others leave the assets text as stored.
      if (registry && served.raw('assets')?.includes('"assets/')) {
        const assets = served.value<StacItem['assets']>('assets');
        const published = registry.publishAssets({ assets }, root);
        if (published.assets !== assets) served.set('assets', published.assets);
      }
      const navigation = {
        id: served.value<string>('id'),
        collection: served.value<string>('collection'),
        links: served.value<StacItem['links']>('links'),
      } as StacItem;
      const linked = withItemLinks(navigation, root, siteRoot(request));
      if (registry?.hasProviders) {
        const stored = JSON.parse(text) as StacItem;
        const withProviders = registry.withLinks({ ...stored, links: linked.links }, stored, root);
        if (withProviders.stac_extensions !== stored.stac_extensions)
          served.set('stac_extensions', withProviders.stac_extensions);
        served.set('links', withProviders.links);
      } else {
        served.set('links', linked.links);
      }
      return served.toString();
    },
    linkCollection: (collection, request) => {
      const root = apiRoot(request);
      const published = options.itemLinks?.publishAssets(collection, root) ?? collection;
      return withCollectionLinks(published, root, collectionLinkOptions(options.store), siteRoot(request));
    },
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
