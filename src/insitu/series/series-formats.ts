/**
 * Encodings of a downloaded series: CSV for spreadsheets and scripts, column-oriented JSON for plots
 * (uPlot takes arrays of x and y directly).
 */
import type { Datastream, ObservationBatch } from '../model/insitu-types.js';

/** CSV with a header `time,value,uncertainty,quality`; times ISO 8601 UTC, unknown uncertainty empty. */
export function observationsToCsv(batch: ObservationBatch): string {
  const lines = ['time,value,uncertainty,quality'];
  for (let i = 0; i < batch.time.length; i++) {
    const u = batch.uncertainty[i];
    lines.push(
      `${new Date(batch.time[i]).toISOString()},${batch.value[i]},${Number.isNaN(u) ? '' : u},${batch.quality[i]}`,
    );
  }
  return lines.join('\n') + '\n';
}

/** Column-oriented JSON: epoch-millisecond times, values, uncertainties (null when unknown), flags. */
export function observationsToJson(
  datastream: Datastream,
  batch: ObservationBatch,
  downsampled: boolean,
): Record<string, unknown> {
  return {
    datastream: datastream.id,
    unit: datastream.unit,
    count: batch.time.length,
    downsampled,
    time: Array.from(batch.time),
    value: Array.from(batch.value),
    uncertainty: Array.from(batch.uncertainty, (u) => (Number.isNaN(u) ? null : u)),
    quality: Array.from(batch.quality),
  };
}
