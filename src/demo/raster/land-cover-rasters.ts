/**
 * The land-cover maps of the demo: for each year, the 30-class map computed from the terrain and the 11- and
 * 4-class maps generalised from it through the nomenclature's parent links, so the three levels nest exactly.
 * uint8, nodata 0 (the sea).
 */
import type { StacItem } from '../../catalog/model/stac-types.js';
import type { DemoAssetSink } from './demo-asset-sink.js';
import { syntheticMetadata } from './demo-asset-sink.js';
import { gridGeoTransform, gridOfItem } from './demo-grid.js';
import type { IslandTerrain } from './island-terrain.js';
import {
  generaliseClasses,
  landCoverMap,
  LEVEL_2_TO_1,
  LEVEL_3_TO_2,
  sampleLand,
} from './land-cover-model.js';

export async function writeLandCoverRasters(
  items: StacItem[],
  terrain: IslandTerrain,
  seed: number,
  sink: DemoAssetSink,
): Promise<void> {
  // Every map shares one grid: the terrain is sampled once.
  const samples = sampleLand(gridOfItem(items[0].properties), terrain, seed, sink.signal);
  for (const item of items) {
    const grid = gridOfItem(item.properties);
    const year = Number((item.properties.start_datetime as string).slice(0, 4));
    const level3 = landCoverMap(samples, year, seed);
    const level2 = generaliseClasses(level3, LEVEL_3_TO_2);
    const level1 = generaliseClasses(level2, LEVEL_2_TO_1);
    for (const [key, classes] of [
      ['landcover-30', level3],
      ['landcover-11', level2],
      ['landcover-4', level1],
    ] as const) {
      await sink.write(
        item,
        key,
        {
          width: grid.width,
          height: grid.height,
          dataType: 'uint8',
          bands: [classes],
          geoTransform: gridGeoTransform(grid),
          epsg: grid.epsg,
          nodata: 0,
          bandInfo: [{ description: `land-cover class (${key}, synthetic)` }],
          metadata: syntheticMetadata(item, `land cover ${year}, ${key}`),
        },
        { overviewResampling: 'nearest' },
      );
    }
  }
}
