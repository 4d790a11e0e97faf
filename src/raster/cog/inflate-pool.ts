import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { promisify } from 'node:util';
import { inflate } from 'node:zlib';
import { workerEntry } from '../../core/worker-entry.js';
import { RasterError } from '../raster-errors.js';
import { toBandPlanes, type BlockLayout } from './block-planes.js';

const inflateAsync = promisify(inflate);

/** Options of {@link InflatePool}. */
export interface InflatePoolOptions {
  /** Worker threads (default: the available parallelism, at most 4). 0 decodes on the calling thread. */
  size?: number;
}

interface Job {
  id: number;
  raw: ArrayBuffer;
  layout: BlockLayout;
  resolve: (planes: ArrayBuffer) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Jobs sent to the worker, by id. */
  jobs: Map<number, Job>;
  /** Jobs waiting for the worker to be loaded (their bytes are still here). */
  waiting: Job[];
  isReady: boolean;
}

/**
 * Decodes DEFLATE blocks into band planes (inflate, then Predictor 2 and sample splitting in one pass) on a
 * small pool of worker threads, one per core: the event loop then only assembles windows, resamples and
 * colours, while blocks of concurrent tiles are decoded on the other cores. Measured with the tile
 * benchmark's server on 2 cores (see bench/tiles/README.md). A job goes to the worker with the fewest jobs.
 * When workers cannot start (e.g. a runtime that cannot load the worker module), blocks are decoded on the
 * calling thread instead: native zlib on libuv's pool, the planes pass on the event loop.
 */
export class InflatePool {
  private static sharedPool: InflatePool | null = null;
  private readonly slots: Slot[] = [];
  private nextId = 0;
  private isBroken = false;

  constructor(private readonly options: InflatePoolOptions = {}) {}

  /** The process-wide pool. */
  static shared(): InflatePool {
    InflatePool.sharedPool ??= new InflatePool();
    return InflatePool.sharedPool;
  }

  /**
   * The band planes of one DEFLATE block. `raw` is detached (moved to a worker).
   * @throws RasterError `RASTER_CORRUPT` when the bytes do not inflate to a whole block.
   */
  decode(raw: ArrayBuffer, layout: BlockLayout): Promise<ArrayBuffer> {
    const slot = this.slot();
    if (!slot) return decodeHere(raw, layout);
    return new Promise((resolve, reject) => {
      const job = { id: this.nextId++, raw, layout, resolve, reject };
      if (slot.isReady) send(slot, job);
      else slot.waiting.push(job);
      holdWhileBusy(slot);
    });
  }

  /** Workers loaded and decoding (0 before the first decode, or when blocks are decoded on this thread). */
  get readyWorkers(): number {
    return this.slots.filter((slot) => slot.isReady).length;
  }

  /** Stops the workers (pending decodes fail). */
  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private slot(): Slot | null {
    if (this.isBroken) return null;
    const size = this.options.size ?? Math.min(4, availableParallelism());
    if (size <= 0) return null;
    while (this.slots.length < size) {
      const slot = this.startWorker();
      if (!slot) return null;
      this.slots.push(slot);
    }
    const load = (slot: Slot) => slot.jobs.size + slot.waiting.length;
    return this.slots.reduce((best, slot) => (load(slot) < load(best) ? slot : best));
  }

  private startWorker(): Slot | null {
    let worker: Worker;
    try {
      worker = new Worker(...workerEntry(import.meta.url, 'inflate-worker'));
    } catch {
      this.isBroken = true;
      return null;
    }
    const slot: Slot = { worker, jobs: new Map(), waiting: [], isReady: false };
    worker.on('message', (message: 'ready' | { id: number; planes?: ArrayBuffer; error?: string }) => {
      if (message === 'ready') {
        slot.isReady = true;
        for (const job of slot.waiting.splice(0)) send(slot, job);
        return;
      }
      const job = slot.jobs.get(message.id);
      if (!job) return;
      slot.jobs.delete(message.id);
      holdWhileBusy(slot);
      if (message.planes) job.resolve(message.planes);
      else job.reject(new RasterError('RASTER_CORRUPT', `a DEFLATE block ${message.error}`));
    });
    // A worker that cannot load: its waiting jobs and all later ones are decoded here. One that dies
    // (or is terminated) fails the jobs it holds, whose bytes went with it.
    const fail = (error?: Error) => {
      this.isBroken = true;
      const index = this.slots.indexOf(slot);
      if (index >= 0) this.slots.splice(index, 1);
      for (const job of slot.waiting.splice(0)) decodeHere(job.raw, job.layout).then(job.resolve, job.reject);
      for (const job of slot.jobs.values()) {
        job.reject(new Error(`the inflate worker stopped: ${error?.message ?? 'exit'}`));
      }
      slot.jobs.clear();
    };
    worker.on('error', fail);
    worker.on('exit', () => fail());
    holdWhileBusy(slot);
    return slot;
  }
}

/**
 * A worker with jobs keeps the process alive (a command awaiting a decode must not exit); an idle one does
 * not. Called after listeners are attached, since attaching a 'message' listener refs the worker again.
 */
function holdWhileBusy(slot: Slot): void {
  if (slot.jobs.size + slot.waiting.length > 0) slot.worker.ref();
  else slot.worker.unref();
}

function send(slot: Slot, job: Job): void {
  slot.jobs.set(job.id, job);
  // Transferred, not copied: byte sources hand out buffers their caller owns (see ByteSource.fetch).
  slot.worker.postMessage({ id: job.id, raw: job.raw, layout: job.layout }, [job.raw]);
}

/** The same decoding on this thread: inflate on libuv's pool, then the planes pass. */
async function decodeHere(raw: ArrayBuffer, layout: BlockLayout): Promise<ArrayBuffer> {
  const blockBytes = layout.width * layout.height * layout.samplesPerPixel * layout.bytesPerSample;
  let bytes: Uint8Array;
  try {
    bytes = await inflateAsync(new Uint8Array(raw), { chunkSize: Math.max(64 * 1024, blockBytes + 1024) });
  } catch (error) {
    throw new RasterError('RASTER_CORRUPT', `a DEFLATE block does not inflate: ${(error as Error).message}`);
  }
  if (bytes.byteLength < blockBytes) {
    throw new RasterError(
      'RASTER_CORRUPT',
      `a DEFLATE block decodes to ${bytes.byteLength} bytes instead of ${blockBytes}`,
    );
  }
  return toBandPlanes(bytes, layout);
}
