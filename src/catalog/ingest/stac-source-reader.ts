/**
 * One entry point for every kind of STAC source: a static catalog (folder with a catalog.json or collection.json,
 * local or http), an ItemCollection or STAC API items page (following GET `next` links on the same http origin),
 * a single item, a JSON array of items or collections, an API `/collections` response, NDJSON, or a plain folder
 * of such files.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { FournaiseError } from '../../core/fournaise-error.js';
import { readNdjson } from './ndjson-reader.js';
import { displayLocation, isLocalDirectory, resolveHref, toSourceUrl } from './resource-location.js';
import { loadJsonDocument } from './stac-document-loader.js';
import { notStacMessage, stacObjectKind, type StacSourceEntry } from './stac-source-entry.js';
import { walkStaticCatalog } from './static-catalog-reader.js';

/** Counters a reader updates as it goes, for progress display. */
export interface ReadProgress {
  documentsRead: number;
  /** Bytes read so far from NDJSON sources. */
  bytesRead?: number;
  /** Total size of the NDJSON sources opened so far, when known. */
  bytesTotal?: number;
}

export interface ReadSourceOptions {
  progress?: ReadProgress;
  signal?: AbortSignal;
  /** Folder and relative paths are resolved against this directory (default: the process's). */
  cwd?: string;
  /**
   * Documents already read (URLs without fragment), shared between the files of a plain folder so that an item
   * reached through a collection's links is not read again as a file of its own.
   */
  visited?: Set<string>;
}

const NDJSON_NAME = /\.(ndjson|jsonl|geojsonl|geojsons)$/i;
const FOLDER_ENTRY_FILES = ['catalog.json', 'collection.json'];

/**
 * Streams the STAC objects of one source with their origin. Never throws for bad content: unreadable
 * documents, syntax errors and non-STAC values come out as `problem` entries, so a caller can report them
 * and go on. Throws only when aborted.
 *
 * @example
 * for await (const entry of readStacSource('./catalog')) if (entry.kind === 'item') console.log(entry.object.id);
 */
export async function* readStacSource(
  source: string,
  options: ReadSourceOptions = {},
): AsyncGenerator<StacSourceEntry> {
  let url = toSourceUrl(source, options.cwd);
  if (await isLocalDirectory(url)) {
    const entry = await findFolderEntry(url);
    if (!entry) {
      yield* readLooseFiles(url, options);
      return;
    }
    url = entry;
  }
  if (NDJSON_NAME.test(url.pathname)) {
    yield* readNdjsonReportingFailure(url, options);
    return;
  }
  yield* readJsonSource(url, options);
}

async function* readNdjsonReportingFailure(
  url: URL,
  options: ReadSourceOptions,
): AsyncGenerator<StacSourceEntry> {
  try {
    yield* readNdjson(url, options.progress, options.signal);
  } catch (error) {
    if (!(error instanceof FournaiseError)) throw error;
    yield { kind: 'problem', origin: { location: displayLocation(url) }, message: error.message };
  }
}

const LOOSE_FILE_NAME = /\.(json|geojson|ndjson|jsonl|geojsonl|geojsons)$/i;

/**
 * A folder that is not a static catalog: every STAC file in it and its sub-folders (hidden ones skipped),
 * in name order, each read as a source of its own.
 */
async function* readLooseFiles(folder: URL, options: ReadSourceOptions): AsyncGenerator<StacSourceEntry> {
  const root = displayLocation(folder);
  const files = (await readdir(root, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && LOOSE_FILE_NAME.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter(
      (path) =>
        !relative(root, path)
          .split(sep)
          .some((part) => part.startsWith('.')),
    )
    .sort();
  if (files.length === 0) {
    yield {
      kind: 'problem',
      origin: { location: root },
      message: `folder has neither ${FOLDER_ENTRY_FILES.join(' nor ')} nor any .json or .ndjson file`,
    };
    return;
  }
  const shared = { ...options, visited: options.visited ?? new Set<string>() };
  for (const file of files) yield* readStacSource(file, shared);
}

async function findFolderEntry(folder: URL): Promise<URL | undefined> {
  const base = new URL(folder.href.endsWith('/') ? folder.href : `${folder.href}/`);
  for (const name of FOLDER_ENTRY_FILES) {
    const candidate = new URL(name, base);
    if (await isLocalFile(candidate)) return candidate;
  }
  return undefined;
}

async function isLocalFile(url: URL): Promise<boolean> {
  return stat(url).then(
    (stats) => stats.isFile(),
    () => false,
  );
}

async function* readJsonSource(first: URL, options: ReadSourceOptions): AsyncGenerator<StacSourceEntry> {
  const visited = options.visited ?? new Set<string>();
  let url: URL | undefined = first;
  // A STAC API items or collections response may be paged: follow GET `next` links.
  while (url && !visited.has(url.href)) {
    visited.add(url.href);
    const document = await loadJsonDocument(url, options.signal);
    if (options.progress) options.progress.documentsRead++;
    if (!document.ok) {
      if (url === first && looksLikeNdjson(document)) {
        yield* readNdjsonReportingFailure(url, options);
      } else {
        yield document.problem;
      }
      return;
    }
    const location = displayLocation(url);
    const value = document.value;
    const kind = stacObjectKind(value);
    if (kind === 'catalog' || kind === 'collection') {
      yield* walkStaticCatalog(url, value as Record<string, unknown>, {
        visited,
        progress: options.progress,
        signal: options.signal,
      });
      return;
    }
    if (kind === 'item') {
      yield { kind, object: value as Record<string, unknown>, origin: { location } };
      return;
    }
    const list = listMembers(value);
    if (!list) {
      yield { kind: 'problem', origin: { location }, message: notStacMessage(value) };
      return;
    }
    for (const [index, member] of list.members.entries()) {
      const origin = { location, pointer: `${list.pointer}/${index}` };
      const memberKind = stacObjectKind(member);
      if (memberKind === 'item' || memberKind === 'collection' || memberKind === 'catalog') {
        yield { kind: memberKind, object: member as Record<string, unknown>, origin };
      } else {
        yield { kind: 'problem', origin, message: notStacMessage(member) };
      }
    }
    url = nextPage(value, url);
  }
}

/** The objects listed by an ItemCollection (`features`), an API collections response, or a JSON array. */
function listMembers(value: unknown): { members: unknown[]; pointer: string } | undefined {
  if (Array.isArray(value)) return { members: value, pointer: '' };
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  if (record.type === 'FeatureCollection' && Array.isArray(record.features)) {
    return { members: record.features, pointer: '/features' };
  }
  if (Array.isArray(record.collections)) return { members: record.collections, pointer: '/collections' };
  return undefined;
}

function nextPage(value: unknown, base: URL): URL | undefined {
  const links = (value as { links?: unknown }).links;
  if (!Array.isArray(links)) return undefined;
  const next = links.find(
    (link) =>
      typeof link === 'object' &&
      link !== null &&
      link.rel === 'next' &&
      typeof link.href === 'string' &&
      (link.method === undefined || String(link.method).toUpperCase() === 'GET'),
  ) as { href: string } | undefined;
  if (!next) return undefined;
  try {
    const url = resolveHref(next.href, base);
    // Paging is followed only within the API that served the page, never from a local file to the network.
    return url.origin === base.origin && base.protocol !== 'file:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** A `.json` file holding one complete JSON value followed by more, at the start of a line: NDJSON. */
function looksLikeNdjson(
  document: Extract<Awaited<ReturnType<typeof loadJsonDocument>>, { ok: false }>,
): boolean {
  const { line, column } = document.problem.origin;
  return /after JSON/.test(document.problem.message) && line !== undefined && line > 1 && column === 1;
}
