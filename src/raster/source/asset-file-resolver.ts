import { realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { RasterError } from '../raster-errors.js';

/** A regular file found inside the asset root. */
export interface AssetFile {
  path: string;
  size: number;
  modified: Date;
  mediaType: string;
}

const MEDIA_TYPES: Record<string, string> = {
  '.tif': 'image/tiff; application=geotiff',
  '.tiff': 'image/tiff; application=geotiff',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.csv': 'text/csv',
  '.txt': 'text/plain',
  '.xml': 'application/xml',
  '.nc': 'application/netcdf',
  '.zip': 'application/zip',
  '.gpkg': 'application/geopackage+sqlite3',
  '.parquet': 'application/vnd.apache.parquet',
};

/**
 * Finds the file a request path names under `root`, refusing anything that could leave it: absolute paths,
 * `..` segments (after percent-decoding, which the router has done once; a second encoded layer such as
 * `%252e` stays literal and cannot form `..`), NUL bytes, and symbolic links whose target is outside the root
 * (checked on the real path). Hidden files and directories (a segment starting with `.`) are not served.
 * @throws RasterError `RASTER_ASSET_NOT_FOUND` for anything refused or missing: the answer never tells
 * whether a file outside the root exists.
 */
export async function resolveAssetFile(root: string, requestPath: string): Promise<AssetFile> {
  const notFound = () =>
    new RasterError('RASTER_ASSET_NOT_FOUND', `no asset file "${requestPath.slice(0, 200)}"`, 'path');
  if (requestPath.includes('\0') || isAbsolute(requestPath) || requestPath.includes('\\')) throw notFound();
  const segments = requestPath.split('/').filter((segment) => segment !== '');
  if (segments.length === 0 || segments.some((segment) => segment === '..' || segment.startsWith('.')))
    throw notFound();
  let realRoot: string;
  let realFile: string;
  try {
    realRoot = await realpath(root);
    realFile = await realpath(resolve(realRoot, ...segments));
  } catch {
    throw notFound();
  }
  const inside = relative(realRoot, realFile);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside))
    throw notFound();
  const info = await stat(realFile).catch(() => null);
  if (!info?.isFile()) throw notFound();
  return {
    path: realFile,
    size: info.size,
    modified: info.mtime,
    mediaType: MEDIA_TYPES[extname(realFile).toLowerCase()] ?? 'application/octet-stream',
  };
}

/** One satisfiable byte range, inclusive. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Parses a `Range` header for a resource of `size` bytes (RFC 9110 §14.1.2): a single `bytes=a-b`, `bytes=a-`
 * or `bytes=-n`. Returns null when the header is absent, malformed or asks for several ranges (the full
 * resource is then sent, as RFC 9110 allows), and `'unsatisfiable'` when the range lies past the end.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | null | 'unsatisfiable' {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!match || (match[1] === '' && match[2] === '')) return null;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size) return 'unsatisfiable';
  if (end < start) return null;
  return { start, end };
}
