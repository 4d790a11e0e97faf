/**
 * Turns a STAC collection into the columns the SQLite store searches on: keywords, provider names,
 * temporal extent (open ends stored as far past/future instants), extent boxes and extent geometry.
 */
import type { StacCollection } from '../../model/stac-types.js';
import { InvalidStacObjectError } from '../../catalog-errors.js';
import { bboxToGeometry, type PlainBox, splitAtAntimeridian, toBbox2D } from './bbox-geometry.js';
import { providerNames } from './item-row.js';
import { OPEN_END_MS, OPEN_START_MS } from './sqlite-queryables.js';

export interface CollectionRow {
  id: string;
  doc: string;
  keywords: string | null;
  providers: string | null;
  start_ms: number;
  end_ms: number;
  extent_geometry: string | null;
  boxes: PlainBox[];
  title: string | null;
  description: string | null;
}

function instant(value: unknown, open: number, path: string): number {
  if (value === null || value === undefined) return open;
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) {
    throw new InvalidStacObjectError(`${path} is not an RFC 3339 date-time: ${JSON.stringify(value)}`, [
      { path, message: 'invalid date-time' },
    ]);
  }
  return ms;
}

/** Computes the row of a collection; throws InvalidStacObjectError on a missing id or a bad extent. */
export function toCollectionRow(collection: StacCollection): CollectionRow {
  if (typeof collection?.id !== 'string' || collection.id === '') {
    throw new InvalidStacObjectError('collection id must be a non-empty string', [
      { path: '/id', message: 'required' },
    ]);
  }
  const bboxes = Array.isArray(collection.extent?.spatial?.bbox) ? collection.extent.spatial.bbox : [];
  const boxes: PlainBox[] = [];
  bboxes.forEach((bbox, index) => {
    if (!Array.isArray(bbox) || (bbox.length !== 4 && bbox.length !== 6) || !bbox.every(Number.isFinite)) {
      throw new InvalidStacObjectError(
        `collection '${collection.id}': extent.spatial.bbox[${index}] is not a bbox`,
        [{ path: `/extent/spatial/bbox/${index}`, message: 'expected 4 or 6 numbers' }],
      );
    }
    boxes.push(...splitAtAntimeridian(toBbox2D(bbox)));
  });
  const interval = collection.extent?.temporal?.interval?.[0];
  const keywords = Array.isArray(collection.keywords)
    ? collection.keywords.filter((k): k is string => typeof k === 'string')
    : null;
  const providers = providerNames(collection.providers);
  return {
    id: collection.id,
    doc: JSON.stringify(collection),
    keywords: keywords && JSON.stringify(keywords),
    providers: providers && JSON.stringify(providers),
    start_ms: instant(interval?.[0], OPEN_START_MS, '/extent/temporal/interval/0/0'),
    end_ms: instant(interval?.[1], OPEN_END_MS, '/extent/temporal/interval/0/1'),
    extent_geometry: bboxes.length ? JSON.stringify(bboxToGeometry(toBbox2D(bboxes[0]))) : null,
    boxes,
    title: typeof collection.title === 'string' ? collection.title : null,
    description: typeof collection.description === 'string' ? collection.description : null,
  };
}
