/**
 * The Piton de la Fournaise DSMs: the island terrain over the Enclos Fouqué (nodata over the sea), and for
 * each eruption an after-DSM equal to the before-DSM plus the thickness of a lava flow of known geometry. The
 * flow's volume and area are computed from the two DSMs as written and stored in the after item, with its
 * outline and parameters.
 */
import type { Polygon } from 'geojson';
import type { StacItem } from '../../catalog/model/stac-types.js';
import { EPSG_RGR92_UTM40S, projectLonLat, unprojectXY } from '../catalog/demo-places.js';
import type { DemoAssetSink } from './demo-asset-sink.js';
import { syntheticMetadata } from './demo-asset-sink.js';
import { fillGrid, gridGeoTransform, gridOfItem, pixelArea } from './demo-grid.js';
import { inlandDistance, type IslandTerrain } from './island-terrain.js';
import { type LavaFlow, lavaFlowOutline, lavaThickness } from './lava-flow-model.js';

export const DSM_NODATA = -32768;

const at = (lon: number, lat: number) => projectLonLat(EPSG_RGR92_UTM40S, lon, lat);

/** The flows of the demo eruptions, by eruption start date. */
export const DEMO_LAVA_FLOWS: Record<string, LavaFlow> = {
  '2021-04-09': { vent: at(55.7235, -21.2585), azimuth: 112, length: 3200, width: 520, maxThickness: 9 },
  '2022-09-19': { vent: at(55.7262, -21.2335), azimuth: 72, length: 2600, width: 420, maxThickness: 7 },
};

export async function writeFournaiseDsmRasters(
  items: StacItem[],
  terrain: IslandTerrain,
  sink: DemoAssetSink,
): Promise<void> {
  const sorted = [...items].sort((a, b) =>
    String(a.properties.datetime).localeCompare(String(b.properties.datetime)),
  );
  const grid = gridOfItem(sorted[0].properties);
  const count = grid.width * grid.height;
  let surface = fillGrid(
    grid,
    new Float32Array(count),
    (x, y) => {
      const inland = inlandDistance(x, y);
      return inland < 0 ? DSM_NODATA : terrain.elevationAt(x, y, inland);
    },
    sink.signal,
  );
  let before: { item: StacItem; dsm: Float32Array } | undefined;
  for (const item of sorted) {
    const eruption = item.properties['fournaise:eruption'] as { start: string; relation: string };
    const flow = DEMO_LAVA_FLOWS[eruption.start.slice(0, 10)];
    if (eruption.relation === 'after' && before && flow) {
      const thickness = fillGrid(grid, new Float32Array(count), (x, y) => lavaThickness(flow, x, y));
      surface = surface.map((z, i) => (z === DSM_NODATA ? z : z + thickness[i]));
      let volume = 0;
      let covered = 0;
      for (let i = 0; i < count; i++) {
        const added = surface[i] === DSM_NODATA ? 0 : surface[i] - before.dsm[i];
        if (thickness[i] > 0) covered++;
        volume += added;
      }
      const outline: Polygon = {
        type: 'Polygon',
        coordinates: [lavaFlowOutline(flow).map(([x, y]) => unprojectXY(EPSG_RGR92_UTM40S, x, y))],
      };
      Object.assign(item.properties, {
        'fournaise:lava_flow_volume_m3': Math.round(volume * pixelArea(grid)),
        'fournaise:lava_flow_area_m2': covered * pixelArea(grid),
        'fournaise:lava_flow_max_thickness_m': flow.maxThickness,
        'fournaise:lava_flow_outline': outline,
        'fournaise:lava_flow_model': {
          vent: flow.vent,
          vent_lonlat: unprojectXY(EPSG_RGR92_UTM40S, ...flow.vent),
          azimuth_deg: flow.azimuth,
          length_m: flow.length,
          width_m: flow.width,
          crs: `EPSG:${EPSG_RGR92_UTM40S}`,
          rule: 'this DSM = the before DSM + the flow thickness; volume = Σ(after − before) · pixel area over the grid; area = pixels with thickness > 0',
        },
        'fournaise:lava_flow_reference_item': before.item.id,
      });
    }
    const dsm = Float32Array.from(surface);
    await sink.write(item, 'dsm', {
      width: grid.width,
      height: grid.height,
      dataType: 'float32',
      bands: [dsm],
      geoTransform: gridGeoTransform(grid),
      epsg: grid.epsg,
      nodata: DSM_NODATA,
      bandInfo: [{ description: 'surface elevation, metres (synthetic)' }],
      metadata: syntheticMetadata(item, 'Piton de la Fournaise DSM'),
    });
    before = { item, dsm };
  }
}
