/**
 * The Pléiades-like scenes: 4-band (blue, green, red, near infrared) uint16 reflectance ×10000 (scale 0.0001)
 * over each scene's north-up grid, nodata 0 outside its rotated footprint, with the scene's clouds. Scenes of
 * La Réunion (EPSG:32740) show the island terrain and its 2025 land cover; scenes of Mayotte (EPSG:32738) show
 * the synthetic Mayotte with its vegetation stripped by cyclone Chido.
 */
import type { Polygon } from 'geojson';
import type { StacItem } from '../../catalog/model/stac-types.js';
import { EPSG_WGS84_UTM38S, projectLonLat } from '../catalog/demo-places.js';
import { addClouds, sceneClouds, shadowShift } from './cloud-model.js';
import { insideRing } from './coast-distance.js';
import type { DemoAssetSink } from './demo-asset-sink.js';
import { syntheticMetadata } from './demo-asset-sink.js';
import { columnX, gridGeoTransform, gridOfItem, rowY } from './demo-grid.js';
import { clearSkyReflectance, groundOf } from './ground-reflectance.js';
import type { IslandTerrain } from './island-terrain.js';
import { landCoverMap, sampleLand } from './land-cover-model.js';
import { sampleMayotte } from './mayotte-land.js';
import { latticeValue } from './value-noise.js';

const BAND_NAMES = ['B0 blue', 'B1 green', 'B2 red', 'B3 near infrared'];
/** Share of leaves cyclone Chido stripped from Mayotte's vegetation in the demo (0–1). */
export const CHIDO_DEFOLIATION = 0.7;

export async function writePleiadesRasters(
  items: StacItem[],
  terrain: IslandTerrain,
  seed: number,
  sink: DemoAssetSink,
): Promise<void> {
  for (const [index, item] of items.entries()) {
    sink.signal?.throwIfAborted();
    const grid = gridOfItem(item.properties);
    const isMayotte = grid.epsg === EPSG_WGS84_UTM38S;
    const ground = isMayotte
      ? (({ landCover, ...samples }) => groundOf(samples, landCover))(sampleMayotte(grid, seed, sink.signal))
      : (() => {
          const samples = sampleLand(grid, terrain, seed, sink.signal);
          return groundOf(samples, landCoverMap(samples, 2025, seed));
        })();
    const sun = {
      elevation: item.properties['view:sun_elevation'] as number,
      azimuth: item.properties['view:sun_azimuth'] as number,
    };
    const month = Number((item.properties.datetime as string).slice(5, 7));
    const bands = clearSkyReflectance(ground, month, sun, isMayotte ? CHIDO_DEFOLIATION : 0);
    const sceneSeed = (latticeValue(index, isMayotte ? 1 : 0, seed) * 0x7fffffff) | 0;
    addClouds(
      bands,
      sceneClouds(grid, item.properties['eo:cloud_cover'] as number, sceneSeed, shadowShift(sun)),
    );
    const footprint = (item.geometry as Polygon).coordinates[0].map(([lon, lat]) =>
      projectLonLat(grid.epsg, lon, lat),
    );
    const values = bands.map(() => new Uint16Array(grid.width * grid.height));
    for (let row = 0; row < grid.height; row++) {
      const y = rowY(grid, row);
      for (let col = 0; col < grid.width; col++) {
        const i = row * grid.width + col;
        if (!insideRing(footprint, columnX(grid, col), y)) continue;
        for (let b = 0; b < 4; b++) values[b][i] = Math.max(1, Math.round(bands[b][i] * 10000));
      }
    }
    await sink.write(item, 'pms', {
      width: grid.width,
      height: grid.height,
      dataType: 'uint16',
      bands: values,
      geoTransform: gridGeoTransform(grid),
      epsg: grid.epsg,
      nodata: 0,
      bandInfo: BAND_NAMES.map((name) => ({
        description: `${name} reflectance (synthetic)`,
        scale: 0.0001,
        offset: 0,
      })),
      metadata: syntheticMetadata(
        item,
        isMayotte
          ? 'Pléiades-like scene of Mayotte after cyclone Chido'
          : 'Pléiades-like scene of La Réunion',
      ),
    });
    if (isMayotte) item.properties['fournaise:vegetation_defoliation'] = CHIDO_DEFOLIATION;
  }
}
