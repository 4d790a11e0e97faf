import { BlockCache } from './block-cache.js';
import type { ByteSlice, ByteSource } from './byte-source.js';

/** Options of {@link BlockCacheByteSource}. */
export interface BlockCacheOptions {
  /** Size of the aligned blocks read from the inner source (default 64 KiB). */
  blockSize?: number;
  /** The cache to use; pass one instance to every source to bound memory globally. */
  cache?: BlockCache;
  /**
   * Slices at least this long (default 4 blocks) bypass the cache: they are image blocks, which the COG
   * reader keeps decoded, so a raw copy would only cost memory and two copies per read.
   */
  directReadBytes?: number;
}

/**
 * A decorator that reads the inner source in aligned blocks and keeps them in an LRU {@link BlockCache}, like
 * geotiff.js' `BlockedSource`: the many small IFD reads of a COG header become one request, repeated tile
 * reads cost nothing, and concurrent reads of the same block share one request. Consecutive missing blocks
 * are fetched as one slice. Large slices (whole image blocks) are read straight through.
 */
export class BlockCacheByteSource implements ByteSource {
  private readonly blockSize: number;
  private readonly cache: BlockCache;
  private readonly inFlight = new Map<number, Promise<ArrayBuffer>>();
  private readonly directReadBytes: number;

  constructor(
    private readonly inner: ByteSource,
    options: BlockCacheOptions = {},
  ) {
    this.blockSize = options.blockSize ?? 64 * 1024;
    this.cache = options.cache ?? new BlockCache();
    this.directReadBytes = options.directReadBytes ?? 4 * this.blockSize;
  }

  get id(): string {
    return this.inner.id;
  }

  get fileSize(): number | null {
    return this.inner.fileSize;
  }

  async fetch(slices: ByteSlice[], signal?: AbortSignal): Promise<ArrayBuffer[]> {
    if (slices.every((slice) => slice.length >= this.directReadBytes))
      return this.inner.fetch(slices, signal);
    const wanted = new Set<number>();
    for (const slice of slices) {
      if (slice.length <= 0) continue;
      const first = Math.floor(slice.offset / this.blockSize);
      const last = Math.floor((slice.offset + slice.length - 1) / this.blockSize);
      for (let index = first; index <= last; index++) wanted.add(index);
    }
    const blocks = new Map<number, ArrayBuffer>();
    const missing: number[] = [];
    for (const index of [...wanted].sort((a, b) => a - b)) {
      const cached = this.cache.get(this.key(index));
      if (cached) blocks.set(index, cached);
      else if (!this.inFlight.has(index)) missing.push(index);
    }
    this.requestRuns(missing, signal);
    // Collect the pending promises synchronously: a settled request removes its in-flight entries.
    const pending = [...wanted]
      .filter((index) => !blocks.has(index))
      .map((index) => this.inFlight.get(index)!);
    const indices = [...wanted].filter((index) => !blocks.has(index));
    (await Promise.all(pending)).forEach((block, i) => blocks.set(indices[i], block));
    return slices.map((slice) => this.assemble(slice, blocks));
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private key(index: number): string {
    return `${this.inner.id}#${this.blockSize}#${index}`;
  }

  /** Starts one inner request for every run of consecutive missing blocks. */
  private requestRuns(missing: number[], signal?: AbortSignal): void {
    if (missing.length === 0) return;
    const runs: [number, number][] = [];
    for (const index of missing) {
      const run = runs.at(-1);
      if (run && run[1] === index - 1) run[1] = index;
      else runs.push([index, index]);
    }
    const request = this.inner.fetch(
      runs.map(([first, last]) => ({
        offset: first * this.blockSize,
        length: (last - first + 1) * this.blockSize,
      })),
      signal,
    );
    runs.forEach(([first, last], runIndex) => {
      for (let index = first; index <= last; index++) {
        const block = request.then((buffers) => {
          const start = (index - first) * this.blockSize;
          const data = buffers[runIndex].slice(start, start + this.blockSize);
          this.cache.set(this.key(index), data);
          return data;
        });
        this.inFlight.set(index, block);
        // Errors surface to the awaiting caller; the in-flight entry is dropped either way.
        block.then(
          () => this.inFlight.delete(index),
          () => this.inFlight.delete(index),
        );
      }
    });
  }

  private assemble(slice: ByteSlice, blocks: Map<number, ArrayBuffer>): ArrayBuffer {
    const out = new Uint8Array(Math.max(0, slice.length));
    let written = 0;
    while (written < slice.length) {
      const position = slice.offset + written;
      const index = Math.floor(position / this.blockSize);
      const block = blocks.get(index)!;
      const start = position - index * this.blockSize;
      const count = Math.min(block.byteLength - start, slice.length - written);
      if (count <= 0) break;
      out.set(new Uint8Array(block, start, count), written);
      written += count;
    }
    return written === out.length ? out.buffer : out.buffer.slice(0, written);
  }
}
