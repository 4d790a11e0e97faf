/**
 * The Hell-Bourg orthophoto pair: the first date shows the ground texture, the second the same texture moved
 * by the landslide's displacement field (`after(p) = before(p − D(p))`), with a slight change of light. The
 * field's parameters go into the second item, so image correlation can be checked against them.
 */
import type { StacItem } from '../../catalog/model/stac-types.js';
import { EPSG_RGR92_UTM40S, projectLonLat, unprojectXY } from '../catalog/demo-places.js';
import type { DemoAssetSink } from './demo-asset-sink.js';
import { syntheticMetadata } from './demo-asset-sink.js';
import { fillGrid, gridGeoTransform, gridOfItem } from './demo-grid.js';
import { displacementAt, type DisplacementLobe, groundColour } from './displacement-model.js';

const at = (lon: number, lat: number) => projectLonLat(EPSG_RGR92_UTM40S, lon, lat);

/** The landslide lobe below the village, moving north-east towards the Rivière du Mât. */
export const HELL_BOURG_LANDSLIDE: DisplacementLobe = {
  centre: at(55.5295, -21.0685),
  azimuth: 55,
  maxDisplacement: 6,
  alongRadius: 420,
  acrossRadius: 280,
};
const VILLAGE = at(55.521, -21.0635);

export async function writeHellBourgRasters(
  items: StacItem[],
  seed: number,
  sink: DemoAssetSink,
): Promise<void> {
  const sorted = [...items].sort((a, b) =>
    String(a.properties.datetime).localeCompare(String(b.properties.datetime)),
  );
  for (const [index, item] of sorted.entries()) {
    const grid = gridOfItem(item.properties);
    const moved = index > 0;
    const light = moved ? 1.06 : 1;
    const bands = [0, 1, 2].map(() => new Uint8Array(grid.width * grid.height));
    fillGrid(
      grid,
      bands[0],
      (x, y, i) => {
        const [dx, dy] = moved ? displacementAt(HELL_BOURG_LANDSLIDE, x, y) : [0, 0];
        const [r, g, b] = groundColour(x - dx, y - dy, VILLAGE, seed);
        bands[1][i] = Math.max(0, Math.min(255, Math.round(g * light)));
        bands[2][i] = Math.max(0, Math.min(255, Math.round(b * light)));
        return Math.max(0, Math.min(255, Math.round(r * light)));
      },
      sink.signal,
    );
    await sink.write(item, 'orthophoto', {
      width: grid.width,
      height: grid.height,
      dataType: 'uint8',
      bands,
      geoTransform: gridGeoTransform(grid),
      epsg: grid.epsg,
      photometric: 'rgb',
      bandInfo: ['red', 'green', 'blue'].map((name) => ({ description: `${name} (synthetic)` })),
      metadata: syntheticMetadata(item, 'Hell-Bourg aerial orthophoto'),
    });
    if (moved) {
      const lobe = HELL_BOURG_LANDSLIDE;
      const [east, north] = displacementAt(lobe, ...lobe.centre);
      item.properties['fournaise:displacement_reference_item'] = sorted[0].id;
      item.properties['fournaise:displacement_field'] = {
        model: 'gaussian-lobe',
        crs: `EPSG:${EPSG_RGR92_UTM40S}`,
        centre: lobe.centre,
        centre_lonlat: unprojectXY(EPSG_RGR92_UTM40S, ...lobe.centre),
        azimuth_deg: lobe.azimuth,
        max_displacement_m: lobe.maxDisplacement,
        max_east_m: Math.round(east * 1000) / 1000,
        max_north_m: Math.round(north * 1000) / 1000,
        along_radius_m: lobe.alongRadius,
        across_radius_m: lobe.acrossRadius,
        formula:
          'D(p) = max · exp(−(a/along)² − (c/across)²) · (sin az, cos az), a and c the coordinates of p − centre along and across az; this image(p) = reference image(p − D(p))',
      };
    }
  }
}
