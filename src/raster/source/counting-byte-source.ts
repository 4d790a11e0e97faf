import type { ByteSlice, ByteSource } from './byte-source.js';

/**
 * A decorator that counts the requests and bytes its inner source delivers, to check that a reader
 * fetches only what it needs (and to report I/O in benchmarks).
 */
export class CountingByteSource implements ByteSource {
  /** Number of `fetch` calls that reached the inner source. */
  requestCount = 0;
  /** Number of slices requested. */
  sliceCount = 0;
  /** Bytes returned by the inner source. */
  bytesRead = 0;

  constructor(private readonly inner: ByteSource) {}

  get id(): string {
    return this.inner.id;
  }

  get fileSize(): number | null {
    return this.inner.fileSize;
  }

  async fetch(slices: ByteSlice[], signal?: AbortSignal): Promise<ArrayBuffer[]> {
    this.requestCount += 1;
    this.sliceCount += slices.length;
    const buffers = await this.inner.fetch(slices, signal);
    for (const buffer of buffers) this.bytesRead += buffer.byteLength;
    return buffers;
  }

  /** Sets every counter back to zero. */
  reset(): void {
    this.requestCount = 0;
    this.sliceCount = 0;
    this.bytesRead = 0;
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
