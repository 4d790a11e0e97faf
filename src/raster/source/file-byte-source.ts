import { open, type FileHandle } from 'node:fs/promises';
import { RasterError } from '../raster-errors.js';
import { throwIfAborted, type ByteSlice, type ByteSource } from './byte-source.js';

/**
 * Reads byte ranges of a local file with positional reads (`pread`), opening the file lazily once.
 * Limits: the file is assumed not to change while open; callers that serve files uploaded in place must
 * re-open (a new source) after a change.
 *
 * @example
 * const source = new FileByteSource('/data/dem.tif');
 * const [header] = await source.fetch([{ offset: 0, length: 16 }]);
 */
export class FileByteSource implements ByteSource {
  private handle: Promise<FileHandle> | null = null;
  private size: number | null = null;

  constructor(readonly path: string) {}

  get id(): string {
    return `file:${this.path}`;
  }

  get fileSize(): number | null {
    return this.size;
  }

  async fetch(slices: ByteSlice[], signal?: AbortSignal): Promise<ArrayBuffer[]> {
    throwIfAborted(signal);
    const handle = await this.openOnce();
    return Promise.all(slices.map((slice) => this.readSlice(handle, slice)));
  }

  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    if (handle) await (await handle).close();
  }

  private openOnce(): Promise<FileHandle> {
    this.handle ??= open(this.path, 'r').then(
      async (handle) => {
        this.size = (await handle.stat()).size;
        return handle;
      },
      (error: NodeJS.ErrnoException) => {
        this.handle = null;
        const code = error.code === 'ENOENT' ? 'RASTER_ASSET_NOT_FOUND' : 'RASTER_SOURCE_UNAVAILABLE';
        throw new RasterError(code, `cannot open ${this.path}: ${error.code ?? error.message}`);
      },
    );
    return this.handle;
  }

  private async readSlice(handle: FileHandle, slice: ByteSlice): Promise<ArrayBuffer> {
    const size = this.size ?? 0;
    const length = Math.max(0, Math.min(slice.length, size - slice.offset));
    const buffer = new Uint8Array(length);
    let done = 0;
    while (done < length) {
      const { bytesRead } = await handle.read(buffer, done, length - done, slice.offset + done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return done === length ? buffer.buffer : buffer.buffer.slice(0, done);
  }
}
