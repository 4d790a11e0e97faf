import type { StacAsset } from '../../catalog/model/stac-types.js';
import type { CogReader } from '../cog/cog-reader.js';

const cache = new WeakMap<CogReader, Promise<[number, number][]>>();

/**
 * The stretch used when a request gives no `rescale`: uint8 data as is (0…255); else the asset's
 * `raster:bands[].statistics` minimum/maximum when the catalogue has them; else the 2nd–98th percentiles of each
 * band of the raster's coarsest level, computed once per opened raster (so every tile of an asset uses the
 * same stretch and no seams appear).
 */
export function autoRescale(reader: CogReader, asset: StacAsset): Promise<[number, number][]> {
  const { info } = reader;
  if (info.dataType === 'uint8') return Promise.resolve([[0, 255]]);
  const bands = asset['raster:bands'] as
    { statistics?: { minimum?: number; maximum?: number } }[] | undefined;
  const stats = bands?.map((band) => band.statistics);
  if (stats?.length && stats.every((s) => s && Number.isFinite(s.minimum) && Number.isFinite(s.maximum))) {
    return Promise.resolve(stats.map((s) => [s!.minimum!, s!.maximum!]));
  }
  let pending = cache.get(reader);
  if (!pending) {
    pending = percentileStretch(reader);
    cache.set(reader, pending);
  }
  return pending;
}

async function percentileStretch(reader: CogReader): Promise<[number, number][]> {
  const { info } = reader;
  const levelIndex = info.levels.length - 1;
  const level = info.levels[levelIndex];
  // The coarsest level may still be large for rasters without overviews: sample at most ~1 Mpx.
  const step = Math.max(1, Math.ceil(Math.sqrt((level.width * level.height) / 1_000_000)));
  const block = await reader.readWindow(
    { x: 0, y: 0, width: level.width, height: level.height },
    { level: levelIndex },
  );
  const nodata = info.nodata;
  return block.bands.map((band) => {
    const values: number[] = [];
    for (let i = 0; i < band.length; i += step) {
      const value = band[i];
      if (Number.isFinite(value) && value !== nodata) values.push(value);
    }
    if (values.length === 0) return [0, 1];
    values.sort((a, b) => a - b);
    return [values[Math.floor(values.length * 0.02)], values[Math.floor((values.length - 1) * 0.98)]];
  });
}
