/**
 * The links the API adds to stored STAC objects. Stores keep only the links a client supplied; the API
 * adds the navigation links (self, parent, root, collection, items...) with absolute URLs built from the
 * API root, and keeps every other stored link untouched.
 * See https://github.com/radiantearth/stac-api-spec/tree/v1.0.0/ogcapi-features#link-relations
 */
import type { StacCollection, StacItem, StacLink } from '../model/stac-types.js';
import { MEDIA_TYPE } from './media-types.js';

/** Link relations the API owns: stored links with these relations are replaced by the API's own. */
const ITEM_NAVIGATION = new Set(['self', 'parent', 'collection', 'root']);
const COLLECTION_NAVIGATION = new Set([
  'self',
  'parent',
  'root',
  'items',
  'http://www.opengis.net/def/rel/ogc/1.0/queryables',
  'aggregate',
  'aggregations',
]);

/** Which optional collection links the server offers. */
export interface CollectionLinkOptions {
  queryables: boolean;
  aggregation: boolean;
}

/** Absolute URL of a collection: `<apiRoot>/collections/<id>` with the id percent-encoded. */
export function collectionUrl(apiRoot: string, collectionId: string): string {
  return `${apiRoot}/collections/${encodeURIComponent(collectionId)}`;
}

/** Absolute URL of an item. */
export function itemUrl(apiRoot: string, collectionId: string, itemId: string): string {
  return `${collectionUrl(apiRoot, collectionId)}/items/${encodeURIComponent(itemId)}`;
}

/** Absolute URL of the HTML landing page of a collection or item, under the site root (not the API). */
export function landingPageUrl(siteRoot: string, collectionId: string, itemId?: string): string {
  const collection = `${siteRoot}/collections/${encodeURIComponent(collectionId)}`;
  return itemId === undefined ? collection : `${collection}/items/${encodeURIComponent(itemId)}`;
}

/** The `alternate` link to a landing page, and a filter dropping a stored copy of it (from a re-ingest). */
function landingLink(href: string): StacLink {
  return { rel: 'alternate', href, type: MEDIA_TYPE.html, title: 'Landing page' };
}
const isSameLink = (a: StacLink, b: StacLink): boolean => a.rel === b.rel && a.href === b.href;

/**
 * Returns the item with self, root, parent and collection links in front of its other stored links, and,
 * when `siteRoot` is given, an `alternate` link to its HTML landing page.
 * An item without `collection` has no address in the API: it gets only a root link.
 */
export function withItemLinks(item: StacItem, apiRoot: string, siteRoot?: string): StacItem {
  const landing =
    siteRoot !== undefined && item.collection !== undefined
      ? landingLink(landingPageUrl(siteRoot, item.collection, item.id))
      : undefined;
  const kept = (item.links ?? []).filter(
    (link) => !ITEM_NAVIGATION.has(link.rel) && !(landing && isSameLink(link, landing)),
  );
  const navigation: StacLink[] = [{ rel: 'root', href: apiRoot, type: MEDIA_TYPE.json }];
  if (item.collection !== undefined) {
    const collection = collectionUrl(apiRoot, item.collection);
    navigation.unshift({
      rel: 'self',
      href: itemUrl(apiRoot, item.collection, item.id),
      type: MEDIA_TYPE.geojson,
    });
    navigation.push(
      { rel: 'parent', href: collection, type: MEDIA_TYPE.json },
      { rel: 'collection', href: collection, type: MEDIA_TYPE.json },
    );
  }
  if (landing) navigation.push(landing);
  return { ...item, links: [...navigation, ...kept] };
}

/**
 * Returns the collection with self, parent, root, items (and queryables, aggregate) links added, and, when
 * `siteRoot` is given, an `alternate` link to its HTML landing page.
 */
export function withCollectionLinks(
  collection: StacCollection,
  apiRoot: string,
  options: CollectionLinkOptions,
  siteRoot?: string,
): StacCollection {
  const self = collectionUrl(apiRoot, collection.id);
  const landing = siteRoot !== undefined ? landingLink(landingPageUrl(siteRoot, collection.id)) : undefined;
  const kept = (collection.links ?? []).filter(
    (link) => !COLLECTION_NAVIGATION.has(link.rel) && !(landing && isSameLink(link, landing)),
  );
  const navigation: StacLink[] = [
    { rel: 'self', href: self, type: MEDIA_TYPE.json },
    { rel: 'parent', href: apiRoot, type: MEDIA_TYPE.json },
    { rel: 'root', href: apiRoot, type: MEDIA_TYPE.json },
    { rel: 'items', href: `${self}/items`, type: MEDIA_TYPE.geojson },
  ];
  if (options.queryables) {
    navigation.push({
      rel: 'http://www.opengis.net/def/rel/ogc/1.0/queryables',
      href: `${self}/queryables`,
      type: MEDIA_TYPE.schema,
    });
  }
  if (options.aggregation) {
    navigation.push(
      { rel: 'aggregate', href: `${self}/aggregate`, type: MEDIA_TYPE.json, method: 'GET' },
      { rel: 'aggregations', href: `${self}/aggregations`, type: MEDIA_TYPE.json },
    );
  }
  if (landing) navigation.push(landing);
  return { ...collection, links: [...navigation, ...kept] };
}

/** A page's tokens and how to reach the next/previous page. */
export interface PagingRequest {
  /** Absolute URL of the endpoint, without query string. */
  endpoint: string;
  /** GET: the query parameters of this request (token replaced); POST: the request body. */
  method: 'GET' | 'POST';
  query?: Record<string, string | undefined>;
  next?: string;
  prev?: string;
  type: string;
}

/**
 * Next/prev links: for GET, the same query with `token` replaced; for POST, a link with method POST,
 * `merge: true` and a body holding only the token, as the STAC API item search spec describes.
 * See https://github.com/radiantearth/stac-api-spec/tree/v1.0.0/item-search#pagination
 */
export function pagingLinks(request: PagingRequest): StacLink[] {
  const links: StacLink[] = [];
  for (const rel of ['next', 'prev'] as const) {
    const token = request[rel];
    if (token === undefined) continue;
    if (request.method === 'POST') {
      links.push({
        rel,
        href: request.endpoint,
        type: request.type,
        method: 'POST',
        body: { token },
        merge: true,
      });
      continue;
    }
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (key !== 'token' && value !== undefined) params.set(key, value);
    }
    params.set('token', token);
    links.push({ rel, href: `${request.endpoint}?${params.toString()}`, type: request.type, method: 'GET' });
  }
  return links;
}
