/**
 * Worker thread of the raster demo: runs a group of raster writers (raster-writers.ts) and writes their
 * files. Messages: `{ names, inputs, dataDir }` in; `{ kind: 'written', label }` per file, then
 * `{ kind: 'done', items }` (the inputs' items with their assets' sizes and known quantities) or
 * `{ kind: 'failed', message, stack }` out.
 */
import { parentPort } from 'node:worker_threads';
import {
  fileSink,
  runRasterWriters,
  type RasterWriterInputs,
  type RasterWriterName,
} from './raster-writers.js';

interface RasterWriterJob {
  names: RasterWriterName[];
  inputs: RasterWriterInputs;
  dataDir: string;
}

const port = parentPort!;
port.once('message', ({ names, inputs, dataDir }: RasterWriterJob) => {
  const sink = fileSink(dataDir, (label) => port.postMessage({ kind: 'written', label }));
  runRasterWriters(names, inputs, sink).then(
    () => port.postMessage({ kind: 'done', items: inputs.items }),
    (error: Error) => port.postMessage({ kind: 'failed', message: error.message, stack: error.stack }),
  );
});
