/**
 * Worker thread of {@link InflatePool}: inflates DEFLATE blocks with Node's zlib and turns them into band
 * planes (block-planes.ts), so that neither the decompression nor the predictor pass, nor the garbage of
 * their buffers, lands on the event loop. Messages: `{ id, raw, layout }` in, `{ id, planes }` (transferred)
 * or `{ id, error }` out; `ready` once loaded.
 */
import { parentPort } from 'node:worker_threads';
import { inflateSync } from 'node:zlib';
import { toBandPlanes, type BlockLayout } from './block-planes.js';

interface InflateJob {
  id: number;
  raw: ArrayBuffer;
  layout: BlockLayout;
}

const port = parentPort!;
port.on('message', ({ id, raw, layout }: InflateJob) => {
  try {
    const blockBytes = layout.width * layout.height * layout.samplesPerPixel * layout.bytesPerSample;
    // One output chunk a little larger than the block: zlib finishes in one pass, without concatenation.
    const bytes = inflateSync(new Uint8Array(raw), { chunkSize: Math.max(64 * 1024, blockBytes + 1024) });
    if (bytes.byteLength < blockBytes) {
      port.postMessage({ id, error: `decodes to ${bytes.byteLength} bytes instead of ${blockBytes}` });
      return;
    }
    const planes = toBandPlanes(bytes, layout);
    port.postMessage({ id, planes }, [planes]);
  } catch (error) {
    port.postMessage({ id, error: `does not inflate: ${(error as Error).message}` });
  }
});
port.postMessage('ready');
