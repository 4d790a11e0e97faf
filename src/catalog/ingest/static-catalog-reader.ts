/**
 * Walks a static STAC catalog: from a catalog or collection document, follows `child` and `item` links
 * (relative hrefs resolved against the document that holds them), depth first, each document once.
 * See https://github.com/radiantearth/stac-spec/blob/v1.1.0/catalog-spec/catalog-spec.md
 *
 * Limits: only `child` and `item` links are followed (not `items` API endpoints); a link back to a document
 * already visited (a cycle, or a document linked twice) is skipped.
 */
import { mapOrdered } from './ordered-concurrent-map.js';
import { displayLocation, resolveHref } from './resource-location.js';
import { loadJsonDocument, type LoadedDocument } from './stac-document-loader.js';
import { notStacMessage, stacObjectKind, type StacSourceEntry } from './stac-source-entry.js';
import type { ReadProgress } from './stac-source-reader.js';

/** How many item documents are fetched at once; overlaps http latency, harmless on local disks. */
const ITEM_FETCH_CONCURRENCY = 8;

interface WalkState {
  visited: Set<string>;
  progress?: ReadProgress;
  signal?: AbortSignal;
}

function documentKey(url: URL): string {
  const key = new URL(url.href);
  key.hash = '';
  return key.href;
}

function linkedUrls(
  document: Record<string, unknown>,
  rel: string,
  base: URL,
): { urls: URL[]; problems: StacSourceEntry[] } {
  const urls: URL[] = [];
  const problems: StacSourceEntry[] = [];
  const links = Array.isArray(document.links) ? document.links : [];
  links.forEach((link: unknown, index) => {
    if (typeof link !== 'object' || link === null || (link as { rel?: unknown }).rel !== rel) return;
    const href = (link as { href?: unknown }).href;
    try {
      if (typeof href !== 'string') throw new Error('href is not a string');
      urls.push(resolveHref(href, base));
    } catch {
      problems.push({
        kind: 'problem',
        origin: { location: displayLocation(base), pointer: `/links/${index}/href` },
        message: `cannot resolve the ${rel} link href ${JSON.stringify(href)}`,
      });
    }
  });
  return { urls, problems };
}

/**
 * Yields the catalog or collection at `url` (already parsed as `value`), then its items, then its children,
 * recursively. Items without a collection get `parentCollectionId` from the nearest enclosing collection.
 */
export async function* walkStaticCatalog(
  url: URL,
  value: Record<string, unknown>,
  state: WalkState,
  parentCollectionId?: string,
): AsyncGenerator<StacSourceEntry> {
  state.visited.add(documentKey(url));
  const kind = stacObjectKind(value);
  const origin = { location: displayLocation(url) };
  if (kind !== 'catalog' && kind !== 'collection') {
    yield { kind: 'problem', origin, message: notStacMessage(value) };
    return;
  }
  yield { kind, object: value, origin, parentCollectionId };
  const collectionId = kind === 'collection' && typeof value.id === 'string' ? value.id : parentCollectionId;

  const items = linkedUrls(value, 'item', url);
  const children = linkedUrls(value, 'child', url);
  yield* items.problems;
  yield* children.problems;

  const itemUrls = items.urls.filter((itemUrl) => claim(itemUrl, state));
  const loaded = mapOrdered(itemUrls, ITEM_FETCH_CONCURRENCY, async (itemUrl) => ({
    itemUrl,
    document: await loadJsonDocument(itemUrl, state.signal),
  }));
  for await (const { itemUrl, document } of loaded) {
    countDocument(state);
    yield itemEntry(itemUrl, document, collectionId);
  }

  for (const childUrl of children.urls) {
    if (!claim(childUrl, state)) continue;
    const document = await loadJsonDocument(childUrl, state.signal);
    countDocument(state);
    if (!document.ok) {
      yield document.problem;
      continue;
    }
    yield* walkStaticCatalog(childUrl, document.value as Record<string, unknown>, state, collectionId);
  }
}

/** Marks a linked document as visited; false when it was already (a cycle or a duplicate link). */
function claim(url: URL, state: WalkState): boolean {
  const key = documentKey(url);
  if (state.visited.has(key)) return false;
  state.visited.add(key);
  return true;
}

function countDocument(state: WalkState): void {
  if (state.progress) state.progress.documentsRead++;
}

function itemEntry(url: URL, document: LoadedDocument, parentCollectionId?: string): StacSourceEntry {
  if (!document.ok) return document.problem;
  const origin = { location: displayLocation(url) };
  if (stacObjectKind(document.value) !== 'item') {
    return { kind: 'problem', origin, message: `item link: ${notStacMessage(document.value)}` };
  }
  return { kind: 'item', object: document.value as Record<string, unknown>, origin, parentCollectionId };
}
