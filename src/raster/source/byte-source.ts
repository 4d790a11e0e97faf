/**
 * The I/O boundary of the raster engine: everything that reads a raster asks a `ByteSource` for byte ranges.
 * The contract is the one of geotiff.js' `BaseSource.fetch(slices, signal)`
 * (https://github.com/geotiffjs/geotiff.js/blob/master/src/source/basesource.js), so a source plugs into
 * geotiff.js unchanged; files, HTTP ranges and caches are separate implementations and decorators.
 */

/** A byte range: `length` bytes starting at `offset`. */
export interface ByteSlice {
  offset: number;
  length: number;
}

/** Reads byte ranges of one resource (a file, a URL, an object). */
export interface ByteSource {
  /**
   * Reads every slice, in order. A slice reaching past the end of the resource returns the bytes that exist
   * (possibly none), as geotiff.js expects when it reads a fixed-size header from a tiny file. The buffers
   * belong to the caller, which may detach them (block decoding transfers them to worker threads).
   * @throws RasterError `RASTER_ASSET_NOT_FOUND` when it does not exist, `RASTER_SOURCE_UNAVAILABLE` when it cannot be read; an `AbortError` when `signal` aborts.
   */
  fetch(slices: ByteSlice[], signal?: AbortSignal): Promise<ArrayBuffer[]>;
  /** The resource size in bytes once known, else `null`. */
  readonly fileSize: number | null;
  /** A stable identity (path or URL) used as a cache key. */
  readonly id: string;
  /** Releases handles; the source must not be used afterwards. */
  close(): Promise<void>;
}

/** Throws the signal's reason if it is aborted, so long loops stop promptly. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new DOMException('Aborted', 'AbortError');
}
