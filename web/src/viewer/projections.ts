/**
 * Map projections offered by the viewer. EPSG:2975 (RGR92 / UTM zone 40S) is the local projection of
 * La Réunion's survey products; OpenLayers reprojects Web Mercator tiles into it on the client.
 * Definition from the EPSG registry (RGR92 is ITRF91-based, so WGS84-compatible at metre level).
 */
import proj4 from 'proj4';
import { register } from 'ol/proj/proj4.js';
import { get as getProjection } from 'ol/proj.js';

export const VIEW_PROJECTIONS = ['EPSG:3857', 'EPSG:2975'] as const;
export type ViewProjection = (typeof VIEW_PROJECTIONS)[number];

let registered = false;

export function registerProjections(): void {
  if (registered) return;
  proj4.defs(
    'EPSG:2975',
    '+proj=utm +zone=40 +south +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs',
  );
  register(proj4);
  // Valid area of EPSG:2975 (La Réunion, onshore and offshore), so OpenLayers can bound the view.
  getProjection('EPSG:2975')?.setExtent([100000, 7500000, 600000, 7800000]);
  registered = true;
}

export function isViewProjection(value: unknown): value is ViewProjection {
  return typeof value === 'string' && (VIEW_PROJECTIONS as readonly string[]).includes(value);
}
