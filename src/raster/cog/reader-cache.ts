import { fileURLToPath } from 'node:url';
import { BlockCache } from '../source/block-cache.js';
import { BlockCacheByteSource } from '../source/block-cache-byte-source.js';
import type { ByteSource } from '../source/byte-source.js';
import { FileByteSource } from '../source/file-byte-source.js';
import { HttpByteSource } from '../source/http-byte-source.js';
import { CogReader } from './cog-reader.js';

/** Options of {@link ReaderCache}. */
export interface ReaderCacheOptions {
  /** Open readers kept (default 64); the least recently used is closed beyond. */
  maxReaders?: number;
  /** Bytes of file blocks kept for all readers together (default 128 MiB). */
  maxBlockBytes?: number;
  /** Bytes of decoded blocks kept for all readers together (default: the process-wide cache of CogReader). */
  maxDecodedBytes?: number;
}

/**
 * Keeps recently used {@link CogReader}s open, keyed by location (an absolute path, a `file:` URL or an
 * http(s) URL), all sharing one byte-block cache, so that a tile request costs no header parsing and memory
 * stays bounded however many assets are served. Concurrent opens of one location share one promise; a failed
 * open is not cached.
 */
export class ReaderCache {
  private readonly readers = new Map<string, Promise<CogReader>>();
  private readonly blocks: BlockCache;
  private readonly decoded: BlockCache | undefined;
  private readonly maxReaders: number;

  constructor(options: ReaderCacheOptions = {}) {
    this.maxReaders = options.maxReaders ?? 64;
    this.blocks = new BlockCache(options.maxBlockBytes ?? 128 * 1024 * 1024);
    this.decoded =
      options.maxDecodedBytes === undefined ? undefined : new BlockCache(options.maxDecodedBytes);
  }

  /** The reader of a location, opened on first use. */
  open(location: string, signal?: AbortSignal): Promise<CogReader> {
    const cached = this.readers.get(location);
    if (cached) {
      this.readers.delete(location);
      this.readers.set(location, cached);
      return cached;
    }
    const opening = CogReader.open(
      new BlockCacheByteSource(sourceFor(location), { cache: this.blocks }),
      signal,
      { decodedBlocks: this.decoded },
    );
    this.readers.set(location, opening);
    opening.catch(() => this.readers.delete(location));
    for (const [oldest, reader] of this.readers) {
      if (this.readers.size <= this.maxReaders) break;
      this.readers.delete(oldest);
      // Requests may still be reading through an evicted reader: close it a little later.
      setTimeout(() => reader.then((r) => r.close()).catch(() => undefined), 30_000).unref();
    }
    return opening;
  }

  /** Closes every reader. */
  async close(): Promise<void> {
    const readers = [...this.readers.values()];
    this.readers.clear();
    await Promise.allSettled(readers.map(async (reader) => (await reader).close()));
  }
}

function sourceFor(location: string): ByteSource {
  if (/^https?:\/\//i.test(location)) return new HttpByteSource(location);
  if (location.startsWith('file:')) return new FileByteSource(fileURLToPath(location));
  return new FileByteSource(location);
}
