/**
 * A parsed, validated item search, independent of how it arrived (GET query string, POST body,
 * `/collections/{id}/items`). Stores receive only this type.
 * See https://github.com/radiantearth/stac-api-spec/tree/v1.0.0/item-search
 */
import type { Geometry } from 'geojson';
import type { Cql2Expression } from '../cql2/cql2-expression.js';

/** 2D bbox [west, south, east, north]; west > east means the box crosses the antimeridian. */
export type Bbox2D = [number, number, number, number];

/** Closed or half-open instant range in epoch milliseconds (UTC); an absent bound is open. */
export interface TimeRange {
  start?: number;
  end?: number;
}

export interface SortField {
  /** Queryable name, e.g. `datetime`, `properties.eo:cloud_cover` normalised to `eo:cloud_cover`, `id`. */
  field: string;
  direction: 'asc' | 'desc';
}

export interface ItemSearch {
  ids?: string[];
  collections?: string[];
  bbox?: Bbox2D;
  intersects?: Geometry;
  datetime?: TimeRange;
  /** CQL2 filter, already parsed from text or JSON. */
  filter?: Cql2Expression;
  /** Free-text terms (STAC API free-text extension); a whole `q` string is one or more terms ORed. */
  q?: string;
  sortby?: SortField[];
  /** Already clamped to the server maximum. */
  limit: number;
  /** Opaque paging token returned by a previous page. */
  token?: string;
}

export interface CollectionSearch {
  ids?: string[];
  bbox?: Bbox2D;
  datetime?: TimeRange;
  q?: string;
  filter?: Cql2Expression;
  sortby?: SortField[];
  limit: number;
  token?: string;
}
