/**
 * The Sentinel-2-like rasters of the demo: every L2A scene (reflectance and cloud mask) of tile T40KCB, and the
 * monthly L3A syntheses computed from those very scenes, as the per-pixel mean of the clear (mask 0)
 * observations of the month, so that a synthesis can be recomputed from its inputs. Reflectances are int16
 * ×10000 (scale 0.0001), nodata -10000.
 */
import type { StacItem } from '../../catalog/model/stac-types.js';
import { addClouds, sceneClouds, shadowShift } from './cloud-model.js';
import type { DemoAssetSink } from './demo-asset-sink.js';
import { syntheticMetadata } from './demo-asset-sink.js';
import { gridGeoTransform, gridOfItem } from './demo-grid.js';
import type { IslandTerrain } from './island-terrain.js';
import { clearSkyReflectance, groundOf } from './ground-reflectance.js';
import { landCoverMap, sampleLand } from './land-cover-model.js';
import { latticeValue } from './value-noise.js';

const BAND_NAMES = ['B2 blue', 'B3 green', 'B4 red', 'B8 near infrared'];
export const REFLECTANCE_NODATA = -10000;
/** Synthesis flag values (FLG): 1 no clear observation in the month, 3 water, 4 land. */
export const SYNTHESIS_FLAG = { cloud: 1, water: 3, land: 4 } as const;

function bandInfo(kind: string) {
  return BAND_NAMES.map((name) => ({ description: `${name} ${kind} (synthetic)`, scale: 0.0001, offset: 0 }));
}

/**
 * Writes the scenes and the syntheses, and sets on each synthesis item `eo:cloud_cover` (the share of pixels
 * left without a clear observation), `fournaise:composite_of` (its scenes) and `fournaise:composite_rule`.
 */
export async function writeSentinel2Rasters(
  scenes: StacItem[],
  syntheses: StacItem[],
  terrain: IslandTerrain,
  seed: number,
  sink: DemoAssetSink,
): Promise<void> {
  const grid = gridOfItem(scenes[0].properties);
  // What does not change from scene to scene: the terrain and the land cover (of 2024).
  const samples = sampleLand(grid, terrain, seed, sink.signal);
  const ground = groundOf(samples, landCoverMap(samples, 2024, seed));
  const count = grid.width * grid.height;
  const geoTransform = gridGeoTransform(grid);
  for (const synthesis of syntheses) {
    const month = (synthesis.properties.datetime as string).slice(0, 7);
    const inputs = scenes.filter((scene) => (scene.properties.datetime as string).startsWith(month));
    const sums = [0, 1, 2, 3].map(() => new Float64Array(count));
    const clearCount = new Uint16Array(count);
    for (const scene of inputs) {
      sink.signal?.throwIfAborted();
      const sceneSeed = (latticeValue(inputs.indexOf(scene), Number(month.slice(5)), seed) * 0x7fffffff) | 0;
      const sun = {
        elevation: scene.properties['view:sun_elevation'] as number,
        azimuth: scene.properties['view:sun_azimuth'] as number,
      };
      const bands = clearSkyReflectance(ground, Number(month.slice(5)), sun);
      const cover = scene.properties['eo:cloud_cover'] as number;
      const clouds = sceneClouds(grid, cover, sceneSeed + 17, shadowShift(sun));
      addClouds(bands, clouds);
      const reflectance = bands.map(() => new Int16Array(count));
      for (let i = 0; i < count; i++) {
        const clear = clouds.mask[i] === 0;
        for (let b = 0; b < 4; b++) {
          const stored = Math.round(bands[b][i] * 10000);
          reflectance[b][i] = stored;
          if (clear) sums[b][i] += stored;
        }
        if (clear) clearCount[i]++;
      }
      await sink.write(scene, 'reflectance', {
        width: grid.width,
        height: grid.height,
        dataType: 'int16',
        bands: reflectance,
        geoTransform,
        epsg: grid.epsg,
        nodata: REFLECTANCE_NODATA,
        bandInfo: bandInfo('surface reflectance'),
        metadata: syntheticMetadata(scene, 'Sentinel-2-like L2A surface reflectance'),
      });
      await sink.write(
        scene,
        'cloud-mask',
        {
          width: grid.width,
          height: grid.height,
          dataType: 'uint8',
          bands: [clouds.mask],
          geoTransform,
          epsg: grid.epsg,
          nodata: 255,
          bandInfo: [
            { description: 'cloud mask bits: 1 cloud, 2 cloud shadow, 4 thin cirrus; 0 clear (synthetic)' },
          ],
          metadata: syntheticMetadata(scene, 'Sentinel-2-like L2A cloud mask'),
        },
        { overviewResampling: 'nearest' },
      );
    }
    const composite = sums.map(() => new Int16Array(count));
    const flags = new Uint8Array(count);
    let cloudy = 0;
    for (let i = 0; i < count; i++) {
      const n = clearCount[i];
      for (let b = 0; b < 4; b++) composite[b][i] = n === 0 ? REFLECTANCE_NODATA : Math.round(sums[b][i] / n);
      if (n === 0) cloudy++;
      flags[i] =
        n === 0 ? SYNTHESIS_FLAG.cloud : ground.inland[i] < 0 ? SYNTHESIS_FLAG.water : SYNTHESIS_FLAG.land;
    }
    await sink.write(synthesis, 'reflectance', {
      width: grid.width,
      height: grid.height,
      dataType: 'int16',
      bands: composite,
      geoTransform,
      epsg: grid.epsg,
      nodata: REFLECTANCE_NODATA,
      bandInfo: bandInfo('composite reflectance'),
      metadata: syntheticMetadata(
        synthesis,
        'monthly cloud-free composite reflectance (mean of clear L2A pixels)',
      ),
    });
    await sink.write(
      synthesis,
      'flags',
      {
        width: grid.width,
        height: grid.height,
        dataType: 'uint8',
        bands: [flags],
        geoTransform,
        epsg: grid.epsg,
        nodata: 0,
        bandInfo: [{ description: 'quality flags: 1 no clear observation, 3 water, 4 land (synthetic)' }],
        metadata: syntheticMetadata(synthesis, 'monthly composite quality flags'),
      },
      { overviewResampling: 'nearest' },
    );
    synthesis.properties['eo:cloud_cover'] = Math.round((cloudy / count) * 10000) / 100;
    synthesis.properties['fournaise:composite_of'] = inputs.map((scene) => scene.id);
    synthesis.properties['fournaise:composite_rule'] =
      'per pixel and band, the rounded mean of the stored L2A reflectances whose cloud-mask value is 0; nodata where no scene of the month is clear';
  }
}
