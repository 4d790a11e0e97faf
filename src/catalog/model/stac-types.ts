/**
 * STAC 1.1 object types, as stored and served by the catalogue.
 * See https://github.com/radiantearth/stac-spec/tree/v1.1.0
 *
 * Types are deliberately open (`[key: string]: unknown`): a data centre gathers records from many
 * sources, and every field it does not know must survive a round trip unchanged.
 */
import type { Geometry } from 'geojson';

export type { Geometry } from 'geojson';

/** [west, south, east, north] or the 3D form [west, south, zmin, east, north, zmax]. */
export type Bbox = [number, number, number, number] | [number, number, number, number, number, number];

export interface StacLink {
  href: string;
  rel: string;
  type?: string;
  title?: string;
  method?: string;
  body?: unknown;
  merge?: boolean;
  [key: string]: unknown;
}

export interface StacAsset {
  href: string;
  title?: string;
  description?: string;
  type?: string;
  roles?: string[];
  [key: string]: unknown;
}

export interface StacProvider {
  name: string;
  description?: string;
  roles?: string[];
  url?: string;
  [key: string]: unknown;
}

export interface StacItem {
  type: 'Feature';
  stac_version: string;
  stac_extensions?: string[];
  id: string;
  geometry: Geometry | null;
  bbox?: Bbox;
  properties: { datetime: string | null; [key: string]: unknown };
  links: StacLink[];
  assets: Record<string, StacAsset>;
  collection?: string;
  [key: string]: unknown;
}

export interface StacCollection {
  type: 'Collection';
  stac_version: string;
  stac_extensions?: string[];
  id: string;
  title?: string;
  description: string;
  keywords?: string[];
  license: string;
  providers?: StacProvider[];
  extent: {
    spatial: { bbox: Bbox[] };
    temporal: { interval: [string | null, string | null][] };
  };
  summaries?: Record<string, unknown>;
  links: StacLink[];
  assets?: Record<string, StacAsset>;
  item_assets?: Record<string, Omit<StacAsset, 'href'>>;
  [key: string]: unknown;
}

export interface StacCatalog {
  type: 'Catalog';
  stac_version: string;
  stac_extensions?: string[];
  id: string;
  title?: string;
  description: string;
  links: StacLink[];
  [key: string]: unknown;
}

export interface StacItemCollection {
  type: 'FeatureCollection';
  features: StacItem[];
  links?: StacLink[];
  numberMatched?: number;
  numberReturned?: number;
  [key: string]: unknown;
}
