/**
 * Builders of demo collections and items: they add what every demo record shares (STAC version, synthetic
 * flag and notice, collection link, extents computed from the items) so that the generators state only what
 * is specific to each product.
 */
import type { Geometry } from 'geojson';
import type {
  Bbox,
  StacAsset,
  StacCollection,
  StacItem,
  StacLink,
  StacProvider,
} from '../../catalog/model/stac-types.js';
import { storedCollectionLink } from '../../catalog/ingest/stac-object-normaliser.js';
import { roundTo } from './demo-places.js';
import {
  type DemoLicense,
  demoCitation,
  demoDoi,
  EXTENSION,
  licenseLink,
  PROVIDER,
  SYNTHETIC_FLAG,
  SYNTHETIC_NOTICE,
} from './demo-vocabulary.js';
import { geometryPositions } from '../../core/geometry-positions.js';

export interface DemoItemSpec {
  collection: string;
  id: string;
  geometry: Geometry;
  /** Instant of the item, or its range. */
  datetime: string | { start: string; end: string };
  title: string;
  description?: string;
  keywords: string[];
  /** Creation of the product (processing end), ISO 8601 UTC. */
  created: string;
  updated?: string;
  /** Publication in the catalogue (timestamps extension), ISO 8601 UTC. */
  published?: string;
  properties?: Record<string, unknown>;
  assets?: Record<string, StacAsset>;
  extensions?: string[];
}

/** A STAC 1.1 item flagged synthetic, with its bbox computed from the geometry. */
export function demoItem(spec: DemoItemSpec): StacItem {
  const extensions = new Set(spec.extensions ?? []);
  if (spec.published) extensions.add(EXTENSION.timestamps);
  const time =
    typeof spec.datetime === 'string'
      ? { datetime: spec.datetime }
      : { datetime: null, start_datetime: spec.datetime.start, end_datetime: spec.datetime.end };
  return {
    type: 'Feature',
    stac_version: '1.1.0',
    stac_extensions: [...extensions].sort(),
    id: spec.id,
    collection: spec.collection,
    geometry: spec.geometry,
    bbox: geometryBbox(spec.geometry),
    properties: {
      title: spec.title,
      ...(spec.description ? { description: `${spec.description}\n\n${SYNTHETIC_NOTICE}` } : {}),
      ...time,
      keywords: [...spec.keywords, 'synthétique', 'synthetic'],
      ...spec.properties,
      created: spec.created,
      updated: spec.updated ?? spec.created,
      ...(spec.published ? { published: spec.published } : {}),
      [SYNTHETIC_FLAG]: true,
    },
    links: [storedCollectionLink(spec.collection)],
    assets: spec.assets ?? {},
  };
}

export interface DemoCollectionSpec {
  id: string;
  title: { fr: string; en: string };
  description: { fr: string; en: string };
  keywords: string[];
  license: DemoLicense;
  providers: StacProvider[];
  /** The collection's items, from which the extents are computed. */
  items: StacItem[];
  /** Citation authors and year; the DOI is a test-prefix DOI derived from the id. */
  citation: { authors: string; year: number };
  extensions?: string[];
  summaries?: Record<string, unknown>;
  itemAssets?: StacCollection['item_assets'];
  links?: StacLink[];
  /** Extra top-level fields (e.g. `classification:classes`). */
  fields?: Record<string, unknown>;
}

/** A STAC 1.1 collection flagged synthetic, with extents computed from its items and a test DOI. */
export function demoCollection(spec: DemoCollectionSpec): StacCollection {
  const doi = demoDoi(spec.id);
  const title = `${spec.title.fr} / ${spec.title.en}`;
  return {
    type: 'Collection',
    stac_version: '1.1.0',
    stac_extensions: [...new Set([...(spec.extensions ?? []), EXTENSION.scientific])].sort(),
    id: spec.id,
    title,
    description: `${spec.description.fr}\n\n${spec.description.en}\n\n${SYNTHETIC_NOTICE}`,
    keywords: [...spec.keywords, 'données synthétiques', 'synthetic data'],
    license: spec.license.id,
    providers: [...spec.providers, PROVIDER.host],
    extent: {
      spatial: { bbox: [unionBbox(spec.items.map((item) => item.bbox as Bbox))] },
      temporal: { interval: [temporalExtent(spec.items)] },
    },
    ...(spec.summaries ? { summaries: spec.summaries } : {}),
    ...(spec.itemAssets ? { item_assets: spec.itemAssets } : {}),
    'sci:doi': doi,
    'sci:citation': demoCitation(spec.citation.authors, spec.citation.year, title, doi),
    ...spec.fields,
    [SYNTHETIC_FLAG]: true,
    links: [
      licenseLink(spec.license),
      {
        rel: 'cite-as',
        href: `https://doi.org/${doi}`,
        title: 'DOI (préfixe de test DataCite / DataCite test prefix)',
      },
      ...(spec.links ?? []),
    ],
  };
}

/** An ISO 8601 UTC instant from calendar fields (month 1-12), without milliseconds. */
export function isoUtc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): string {
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second)).toISOString().replace('.000Z', 'Z');
}

/** An ISO instant shifted by a number of (possibly fractional) days. */
export function addDays(iso: string, days: number): string {
  const shifted = new Date(Date.parse(iso) + Math.round(days * 86_400) * 1000);
  return shifted.toISOString().replace('.000Z', 'Z');
}

/** The 2D bbox of a geometry, rounded to 1e-7 degree (about a centimetre). */
export function geometryBbox(geometry: Geometry): [number, number, number, number] {
  const all = geometryPositions(geometry);
  const lons = all.map((p) => p[0]);
  const lats = all.map((p) => p[1]);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)].map((v) =>
    roundTo(v, 7),
  ) as [number, number, number, number];
}

function unionBbox(boxes: Bbox[]): [number, number, number, number] {
  return [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[b.length / 2])),
    Math.max(...boxes.map((b) => b[b.length / 2 + 1])),
  ];
}

function temporalExtent(items: StacItem[]): [string, string] {
  const instants = items.flatMap((item) =>
    [item.properties.datetime, item.properties.start_datetime, item.properties.end_datetime].filter(
      (value): value is string => typeof value === 'string',
    ),
  );
  instants.sort();
  return [instants[0], instants[instants.length - 1]];
}
