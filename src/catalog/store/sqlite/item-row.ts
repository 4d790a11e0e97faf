/**
 * Turns a STAC item into the typed columns of the SQLite `items` table. Pure: no database access.
 * Typed columns hold exactly the JSON value when it has the expected type, and NULL otherwise, so a filter
 * on a typed column means the same as one on the document.
 */
import type { StacItem } from '../../model/stac-types.js';
import { InvalidStacObjectError } from '../../catalog-errors.js';
import { geometryBbox, toBbox2D } from './bbox-geometry.js';

/** The column values of one item row, plus the text the FTS index and the pre-aggregations need. */
export interface ItemRow {
  collection: string;
  id: string;
  dt_start: number;
  dt_end: number;
  datetime: number | null;
  minx: number | null;
  miny: number | null;
  maxx: number | null;
  maxy: number | null;
  cloud_cover: number | null;
  platform: string | null;
  constellation: string | null;
  instruments: string | null;
  gsd: number | null;
  created: number | null;
  updated: number | null;
  off_nadir: number | null;
  relative_orbit: number | null;
  keywords: string | null;
  providers: string | null;
  title: string | null;
  /** The document as received without `geometry`, as JSON text. */
  doc: string;
  /** The geometry as GeoJSON text (`null` for a null geometry); SQL NULL when the item had no `geometry` key. */
  geometry: string | null;
  description: string | null;
  /** The keywords joined by spaces, as the FTS index takes them. */
  keywordText: string | null;
}

function parseInstant(value: unknown, location: string): number | null {
  if (value === null || value === undefined) return null;
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) {
    throw new InvalidStacObjectError(`${location} is not an RFC 3339 date-time: ${JSON.stringify(value)}`, [
      { path: location, message: 'invalid date-time' },
    ]);
  }
  return ms;
}

const asNumber = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;
const asString = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const asStringArray = (value: unknown): string[] | null =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : null;

/** Names of the providers of a STAC object (`providers[].name`). */
export function providerNames(providers: unknown): string[] | null {
  if (!Array.isArray(providers)) return null;
  return providers
    .map((p) => (p && typeof p === 'object' ? (p as { name?: unknown }).name : undefined))
    .filter((name): name is string => typeof name === 'string');
}

/**
 * Computes the row of an item. Throws InvalidStacObjectError when the item has neither `datetime` nor
 * `start_datetime`/`end_datetime`, or when one of them is not a date-time.
 */
export function toItemRow(item: StacItem, index: number): ItemRow {
  const where = `items[${index}]`;
  if (typeof item?.id !== 'string' || item.id === '') {
    throw new InvalidStacObjectError(`${where}.id must be a non-empty string`, [
      { path: `${where}/id`, message: 'required' },
    ]);
  }
  if (typeof item.collection !== 'string' || item.collection === '') {
    throw new InvalidStacObjectError(`${where} (id '${item.id}') has no collection`, [
      { path: `${where}/collection`, message: 'required' },
    ]);
  }
  const properties = item.properties;
  if (!properties || typeof properties !== 'object') {
    throw new InvalidStacObjectError(`${where} (id '${item.id}') has no properties object`, [
      { path: `${where}/properties`, message: 'required' },
    ]);
  }
  const datetime = parseInstant(properties.datetime, `${where}.properties.datetime`);
  const start = parseInstant(properties.start_datetime, `${where}.properties.start_datetime`) ?? datetime;
  const end = parseInstant(properties.end_datetime, `${where}.properties.end_datetime`) ?? datetime;
  if (start === null || end === null) {
    throw new InvalidStacObjectError(
      `${where} (id '${item.id}') needs properties.datetime, or both start_datetime and end_datetime`,
      [{ path: `${where}/properties/datetime`, message: 'required' }],
    );
  }
  const box =
    Array.isArray(item.bbox) && item.bbox.length >= 4
      ? toBbox2D(item.bbox)
      : item.geometry
        ? geometryBbox(item.geometry)
        : undefined;
  const { geometry, ...rest } = item;
  const keywords = asStringArray(properties.keywords);
  const providers = providerNames(properties.providers);
  const instruments = asStringArray(properties.instruments);
  return {
    collection: item.collection,
    id: item.id,
    dt_start: start,
    dt_end: end,
    datetime,
    minx: box?.[0] ?? null,
    miny: box?.[1] ?? null,
    maxx: box?.[2] ?? null,
    maxy: box?.[3] ?? null,
    cloud_cover: asNumber(properties['eo:cloud_cover']),
    platform: asString(properties.platform),
    constellation: asString(properties.constellation),
    instruments: instruments && JSON.stringify(instruments),
    gsd: asNumber(properties.gsd),
    created: parseInstant(properties.created, `${where}.properties.created`),
    updated: parseInstant(properties.updated, `${where}.properties.updated`),
    off_nadir: asNumber(properties['view:off_nadir']),
    relative_orbit: asNumber(properties['sat:relative_orbit']),
    keywords: keywords && JSON.stringify(keywords),
    providers: providers && JSON.stringify(providers),
    title: asString(properties.title),
    doc: JSON.stringify(rest),
    geometry: 'geometry' in item ? JSON.stringify(geometry ?? null) : null,
    description: asString(properties.description),
    keywordText: keywords && keywords.join(' '),
  };
}

/** The JSON type name of a value, as used in queryables (`string`, `number`, `integer`, `boolean`, `array`, `object`, `null`). */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}
