import { RasterError } from '../raster-errors.js';
import { throwIfAborted, type ByteSlice, type ByteSource } from './byte-source.js';

/** Options of {@link HttpByteSource}. */
export interface HttpByteSourceOptions {
  /** Extra request headers (e.g. authorisation for a private bucket). */
  headers?: Record<string, string>;
  /**
   * Accept a `200 OK` full-body answer from a server that ignores `Range` (the body is kept in memory and
   * served for every later slice). Off by default: a large file must never be downloaded whole by surprise.
   */
  allowFullFile?: boolean;
  /** Time limit of one request in milliseconds (default 30 s), so that a stalled server cannot hang a reader. */
  timeoutMs?: number;
}

/**
 * Reads byte ranges of an http(s) resource with one `Range: bytes=a-b` request per slice (RFC 9110 §14).
 * Limits: no multi-range requests (most object stores refuse them); no retry (a failed or timed-out request is
 * reported as `RASTER_SOURCE_UNAVAILABLE` and the caller decides).
 *
 * @example
 * const source = new BlockCacheByteSource(new HttpByteSource('https://example.org/cog.tif'));
 */
export class HttpByteSource implements ByteSource {
  private size: number | null = null;
  private fullBody: ArrayBuffer | null = null;

  constructor(
    readonly url: string,
    private readonly options: HttpByteSourceOptions = {},
  ) {}

  get id(): string {
    return this.url;
  }

  get fileSize(): number | null {
    return this.size;
  }

  fetch(slices: ByteSlice[], signal?: AbortSignal): Promise<ArrayBuffer[]> {
    throwIfAborted(signal);
    return Promise.all(slices.map((slice) => this.fetchSlice(slice, signal)));
  }

  async close(): Promise<void> {
    this.fullBody = null;
  }

  /** One GET, aborted by the caller's signal or after `timeoutMs` (then rejected with a TimeoutError). */
  private async fetchWithTimeout(range: string, signal?: AbortSignal): Promise<Response> {
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new DOMException('request timed out', 'TimeoutError')),
      this.options.timeoutMs ?? 30_000,
    );
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await fetch(this.url, {
        headers: { ...this.options.headers, Range: range },
        signal: controller.signal,
      });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  private async fetchSlice(slice: ByteSlice, signal?: AbortSignal): Promise<ArrayBuffer> {
    if (this.fullBody) return sliceOf(this.fullBody, slice);
    if (slice.length <= 0 || (this.size !== null && slice.offset >= this.size)) return new ArrayBuffer(0);
    const range = `bytes=${slice.offset}-${slice.offset + slice.length - 1}`;
    let response: Response;
    try {
      response = await this.fetchWithTimeout(range, signal);
    } catch (error) {
      if (signal?.aborted) throw error;
      const reason =
        (error as Error).name === 'TimeoutError' ? 'no answer in time' : (error as Error).message;
      throw new RasterError('RASTER_SOURCE_UNAVAILABLE', `GET ${this.url} failed: ${reason}`);
    }
    if (response.status === 206) {
      this.size ??= parseTotalSize(response.headers.get('content-range'));
      return response.arrayBuffer();
    }
    if (response.status === 416) {
      await response.body?.cancel();
      return new ArrayBuffer(0);
    }
    if (response.status === 200 && this.options.allowFullFile) {
      this.fullBody = await response.arrayBuffer();
      this.size = this.fullBody.byteLength;
      return sliceOf(this.fullBody, slice);
    }
    await response.body?.cancel();
    const reason =
      response.status === 200 ? 'the server ignored the Range header' : `HTTP ${response.status}`;
    throw new RasterError('RASTER_SOURCE_UNAVAILABLE', `GET ${this.url} (${range}): ${reason}`);
  }
}

function sliceOf(body: ArrayBuffer, slice: ByteSlice): ArrayBuffer {
  return body.slice(slice.offset, slice.offset + slice.length);
}

/** Total size from `Content-Range: bytes a-b/total`, or null when the server says `*`. */
function parseTotalSize(contentRange: string | null): number | null {
  const match = /\/(\d+)\s*$/.exec(contentRange ?? '');
  return match ? Number(match[1]) : null;
}
