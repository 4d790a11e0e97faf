/**
 * Prepares an object read from a source for the store: links that describe where the object sat in the
 * source catalog are dropped (the API generates its own), and relative hrefs of the remaining links and of
 * assets are made absolute against the document they were read from (`file:` URLs for local documents, http(s)
 * URLs for remote ones), so they keep pointing at the same file.
 * See https://github.com/radiantearth/stac-spec/blob/v1.1.0/best-practices.md#use-of-links
 */
import { absoluteHref, toSourceUrl } from './resource-location.js';

/** Link relations that only make sense inside the source catalog's own structure. */
const STRUCTURAL_RELS = new Set(['self', 'root', 'parent', 'child', 'item', 'items', 'collection']);

/**
 * The `collection` link a stored item carries. STAC 1.1 requires it whenever an item has `collection`; the href
 * is relative to the item's own API URL (`{api}/collections/{c}/items/{i}`), so it stays right behind any
 * base URL or proxy.
 */
export function storedCollectionLink(collectionId: string): {
  rel: 'collection';
  href: string;
  type: string;
} {
  return { rel: 'collection', href: `../../${encodeURIComponent(collectionId)}`, type: 'application/json' };
}

/**
 * A copy of an item ready to store, in `collectionId`: structural links replaced by
 * {@link storedCollectionLink}, relative hrefs made absolute. The input is not modified.
 */
export function normaliseItemForStore<T extends Record<string, unknown>>(
  item: T,
  location: string,
  collectionId: string,
): T {
  const copy = normaliseForStore(item, location) as Record<string, unknown>;
  copy.collection = collectionId;
  copy.links = [storedCollectionLink(collectionId), ...((copy.links as unknown[] | undefined) ?? [])];
  return copy as T;
}

/** A copy of `object` ready to store; `location` is the document's path or URL. The input is not modified. */
export function normaliseForStore<T extends Record<string, unknown>>(object: T, location: string): T {
  const base = baseUrlOf(location);
  const copy: Record<string, unknown> = { ...object };
  if (Array.isArray(object.links)) {
    copy.links = object.links
      .filter((link) => !(isRecord(link) && typeof link.rel === 'string' && STRUCTURAL_RELS.has(link.rel)))
      .map((link) =>
        isRecord(link) && typeof link.href === 'string'
          ? { ...link, href: safeAbsolute(link.href, base) }
          : link,
      );
  }
  if (isRecord(object.assets)) {
    copy.assets = Object.fromEntries(
      Object.entries(object.assets).map(([key, asset]) => [
        key,
        isRecord(asset) && typeof asset.href === 'string'
          ? { ...asset, href: safeAbsolute(asset.href, base) }
          : asset,
      ]),
    );
  }
  return copy as T;
}

let lastBase: { location: string; url: URL } | undefined;

/** The URL of a document location; consecutive objects of one NDJSON file share it, so the last one is kept. */
function baseUrlOf(location: string): URL {
  if (lastBase?.location !== location) lastBase = { location, url: toSourceUrl(location) };
  return lastBase.url;
}

function safeAbsolute(href: string, base: URL): string {
  try {
    return absoluteHref(href, base);
  } catch {
    return href;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
