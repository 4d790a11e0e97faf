/**
 * Downsampling of a whole observation batch (times, values, uncertainties and flags together).
 */
import { createObservationBatch, type ObservationBatch } from '../model/insitu-types.js';
import { downsampleLttb, downsampleMinMax } from './series-downsampling.js';

export type DownsampleMethod = 'lttb' | 'minmax';

/**
 * Reduces a batch to at most `points` observations (min/max keeps up to `points` by using points/2
 * buckets). Returns the batch itself when it is already small enough.
 */
export function downsampleBatch(
  batch: ObservationBatch,
  method: DownsampleMethod,
  points: number,
): ObservationBatch {
  if (batch.time.length <= points) return batch;
  const indices =
    method === 'lttb'
      ? downsampleLttb(batch.time, batch.value, points)
      : downsampleMinMax(batch.time, batch.value, Math.max(1, Math.floor((points - 2) / 2)));
  const result = createObservationBatch(indices.length);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k];
    result.time[k] = batch.time[i];
    result.value[k] = batch.value[i];
    result.uncertainty[k] = batch.uncertainty[i];
    result.quality[k] = batch.quality[i];
  }
  return result;
}
