/**
 * Where STAC documents come from: local files and http(s) URLs, both handled as `URL`s so that relative
 * hrefs resolve the same way (RFC 3986) whatever the source.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, resolve as resolvePath } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FournaiseError } from '../../core/fournaise-error.js';

/** A document or stream that could not be read (missing file, HTTP error, network failure). */
export class SourceUnreadableError extends FournaiseError {
  constructor(message: string, location: string) {
    super('CATALOG_SOURCE_UNREADABLE', message, location);
  }
}

/**
 * Turns a command-line source (a file path, a folder path, or an http(s)/file URL) into a URL.
 * Relative paths are resolved against `cwd`.
 */
export function toSourceUrl(source: string, cwd: string = process.cwd()): URL {
  if (/^(https?|file):\/\//i.test(source)) return new URL(source);
  return pathToFileURL(isAbsolute(source) ? source : resolvePath(cwd, source));
}

/** A URL as people read it in messages: a plain path for local files, the URL otherwise. */
export function displayLocation(url: URL): string {
  return url.protocol === 'file:' ? fileURLToPath(url) : url.href;
}

/** Whether an href is relative (no scheme, not absolute on the local disk). */
export function isRelativeHref(href: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('/');
}

/** Resolves an href found in a document read from `base`; a leading `/` stays on the same host or disk. */
export function resolveHref(href: string, base: URL): URL {
  return new URL(href, base);
}

/**
 * An href made absolute against the document it was read from: a `file:` URL for local files (a valid IRI
 * even when the path has spaces or accents), an http(s) URL otherwise.
 */
export function absoluteHref(href: string, base: URL): string {
  if (!isRelativeHref(href)) return href;
  return resolveHref(href, base).href;
}

function httpFailure(url: URL, error: unknown): SourceUnreadableError {
  const reason =
    error instanceof Error
      ? error.cause instanceof Error
        ? error.cause.message
        : error.message
      : String(error);
  return new SourceUnreadableError(`cannot fetch ${url.href}: ${reason}`, url.href);
}

async function fetchOk(url: URL, signal?: AbortSignal): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, {
      signal,
      headers: { accept: 'application/json, application/geo+json, */*' },
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw httpFailure(url, error);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new SourceUnreadableError(
      `cannot fetch ${url.href}: HTTP ${response.status} ${response.statusText}`,
      url.href,
    );
  }
  return response;
}

/** Reads a whole document as text. */
export async function readTextResource(url: URL, signal?: AbortSignal): Promise<string> {
  if (url.protocol === 'file:') {
    try {
      return await readFile(url, { encoding: 'utf8', signal });
    } catch (error) {
      throw new SourceUnreadableError(describeFileError(error, url), displayLocation(url));
    }
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    const response = await fetchOk(url, signal);
    return response.text();
  }
  throw new SourceUnreadableError(`unsupported URL scheme '${url.protocol}'`, url.href);
}

/** A byte stream over a local file or an http(s) resource, with its size when known. */
export async function openByteStream(
  url: URL,
  signal?: AbortSignal,
): Promise<{ stream: Readable; totalBytes?: number; bytesRead: () => number }> {
  if (url.protocol === 'file:') {
    let size: number;
    try {
      size = (await stat(url)).size;
    } catch (error) {
      throw new SourceUnreadableError(describeFileError(error, url), displayLocation(url));
    }
    const stream = createReadStream(url, { signal });
    return { stream, totalBytes: size, bytesRead: () => stream.bytesRead };
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    const response = await fetchOk(url, signal);
    if (!response.body) throw new SourceUnreadableError(`empty response from ${url.href}`, url.href);
    const length = Number(response.headers.get('content-length'));
    let read = 0;
    const stream = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream);
    stream.on('data', (chunk: Buffer) => (read += chunk.length));
    return {
      stream,
      totalBytes: Number.isFinite(length) && length > 0 ? length : undefined,
      bytesRead: () => read,
    };
  }
  throw new SourceUnreadableError(`unsupported URL scheme '${url.protocol}'`, url.href);
}

/** Whether a local URL names a directory (false for remote URLs and missing paths). */
export async function isLocalDirectory(url: URL): Promise<boolean> {
  if (url.protocol !== 'file:') return false;
  try {
    return (await stat(url)).isDirectory();
  } catch {
    return false;
  }
}

function describeFileError(error: unknown, url: URL): string {
  const code = (error as NodeJS.ErrnoException).code;
  const path = displayLocation(url);
  if (code === 'ENOENT') return `no such file: ${path}`;
  if (code === 'EACCES') return `permission denied: ${path}`;
  if (code === 'EISDIR') return `is a directory, not a file: ${path}`;
  return `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`;
}
