/**
 * The Hermitage beach rasters: for each survey, a float32 DEM (nodata -9999 over water) and an RGB
 * orthophoto. The sand amplitude of each survey follows a seeded walk of small accretions and storm erosions;
 * the sand volume above 0 m in the zone of `sandZoneRing` (pixel centres inside the polygon) is computed from the DEM as written
 * and stored in the item with its change from the previous survey.
 */
import type { StacItem } from '../../catalog/model/stac-types.js';
import type { SeededRandom } from '../seeded-random.js';
import {
  baseBeachElevation,
  beachColour,
  sandLayerShape,
  sandZoneRing,
  shoreCoordinates,
  WATER_LEVEL,
} from './beach-model.js';
import { insideRing } from './coast-distance.js';
import type { DemoAssetSink } from './demo-asset-sink.js';
import { syntheticMetadata } from './demo-asset-sink.js';
import {
  columnX,
  type DemoGrid,
  fillGrid,
  gridGeoTransform,
  gridOfItem,
  pixelArea,
  rowY,
} from './demo-grid.js';
import { noiseSeed } from './value-noise.js';

export const DEM_NODATA = -9999;

/**
 * Sand volume (m³) above 0 m of the pixels of a DEM whose centres lie inside the zone polygon as published
 * (`sandZoneRing`, rounded to the centimetre), so that anyone can recompute it from the item alone.
 */
export function sandVolume(dem: Float32Array, grid: ReturnType<typeof gridOfItem>): number {
  const ring = sandZoneRing();
  let volume = 0;
  for (let row = 0; row < grid.height; row++) {
    const y = rowY(grid, row);
    for (let col = 0; col < grid.width; col++) {
      const z = dem[row * grid.width + col];
      if (z === DEM_NODATA || z <= 0) continue;
      if (insideRing(ring, columnX(grid, col), y)) volume += z;
    }
  }
  return volume * pixelArea(grid);
}

/** Sand amplitudes (m) of the surveys: accretion between surveys, erosion after the wet-season storms. */
function sandAmplitudes(dates: string[], random: SeededRandom): number[] {
  let amplitude = 0;
  return dates.map((date, index) => {
    if (index > 0) {
      const month = Number(date.slice(5, 7));
      const storm = month >= 1 && month <= 4 && random.next() < 0.6;
      amplitude += storm ? -random.between(0.25, 0.6) : random.between(0.04, 0.2);
      amplitude = Math.max(-1, Math.min(0.9, amplitude));
    }
    return Math.round(amplitude * 1000) / 1000;
  });
}

/**
 * What does not change between surveys on a grid: the elevation without sand, the shape of the sand layer and
 * the orthophoto without sand (only pixels under the sand layer are recoloured for each survey).
 */
function surveyBase(grid: DemoGrid, colourSeed: number, signal?: AbortSignal) {
  const count = grid.width * grid.height;
  const shape = new Float32Array(count);
  const elevation = fillGrid(
    grid,
    new Float32Array(count),
    (x, y, i) => {
      const { c, s } = shoreCoordinates(x, y);
      shape[i] = sandLayerShape(c, s);
      return baseBeachElevation(c, s);
    },
    signal,
  );
  const colours = [0, 1, 2].map(() => new Uint8Array(count));
  fillGrid(grid, colours[0], (x, y, i) => paint(colours, i, beachColour(x, y, elevation[i], colourSeed)));
  return { elevation, shape, colours };
}

/** Stores green and blue at `i` and returns red, each rounded and clamped to a byte. */
function paint(bands: Uint8Array[], i: number, [r, g, b]: [number, number, number]): number {
  bands[1][i] = Math.max(0, Math.min(255, Math.round(g)));
  bands[2][i] = Math.max(0, Math.min(255, Math.round(b)));
  return Math.max(0, Math.min(255, Math.round(r)));
}

export async function writeHermitageRasters(
  dems: StacItem[],
  orthophotos: StacItem[],
  random: SeededRandom,
  sink: DemoAssetSink,
): Promise<void> {
  const amplitudes = sandAmplitudes(
    dems.map((item) => item.properties.datetime as string),
    random.fork('amplitudes'),
  );
  const colourSeed = noiseSeed(() => random.next());
  const grid = gridOfItem(dems[0].properties);
  const orthoGrid = gridOfItem(orthophotos[0].properties);
  const demBase = surveyBase(grid, colourSeed, sink.signal);
  const orthoBase = surveyBase(orthoGrid, colourSeed, sink.signal);
  let previous: number | undefined;
  for (const [index, demItem] of dems.entries()) {
    const amplitude = amplitudes[index];
    const dem = demBase.elevation.map((base, i) => {
      const z = base + amplitude * demBase.shape[i];
      return z < WATER_LEVEL ? DEM_NODATA : Math.round(z * 1000) / 1000;
    });
    await sink.write(demItem, 'dem', {
      width: grid.width,
      height: grid.height,
      dataType: 'float32',
      bands: [dem],
      geoTransform: gridGeoTransform(grid),
      epsg: grid.epsg,
      nodata: DEM_NODATA,
      bandInfo: [{ description: 'elevation above NGR, metres (synthetic)' }],
      metadata: syntheticMetadata(demItem, 'Hermitage beach drone DEM'),
    });
    const volume = Math.round(sandVolume(dem, grid) * 100) / 100;
    demItem.properties['fournaise:sand_volume_m3'] = volume;
    demItem.properties['fournaise:sand_volume_change_m3'] =
      previous === undefined ? null : Math.round((volume - previous) * 100) / 100;
    demItem.properties['fournaise:sand_layer_amplitude_m'] = amplitude;
    previous = volume;

    const ortho = orthophotos[index];
    const bands = orthoBase.colours.map((band) => Uint8Array.from(band));
    for (let i = 0; i < bands[0].length; i++) {
      if (orthoBase.shape[i] === 0) continue;
      const x = columnX(orthoGrid, i % orthoGrid.width);
      const y = rowY(orthoGrid, Math.floor(i / orthoGrid.width));
      const z = orthoBase.elevation[i] + amplitude * orthoBase.shape[i];
      bands[0][i] = paint(bands, i, beachColour(x, y, z, colourSeed));
    }
    await sink.write(ortho, 'orthophoto', {
      width: orthoGrid.width,
      height: orthoGrid.height,
      dataType: 'uint8',
      bands,
      geoTransform: gridGeoTransform(orthoGrid),
      epsg: orthoGrid.epsg,
      photometric: 'rgb',
      bandInfo: ['red', 'green', 'blue'].map((name) => ({ description: `${name} (synthetic)` })),
      metadata: syntheticMetadata(ortho, 'Hermitage beach drone orthophoto'),
    });
  }
}
