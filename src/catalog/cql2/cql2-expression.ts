/**
 * The CQL2 expression tree. Fournaise uses the CQL2-JSON encoding itself as its AST, so that a
 * CQL2-Text filter parses to exactly the JSON a client could have sent, and both share one evaluator
 * and one SQL compiler.
 * See OGC 21-065r2 (CQL2 1.0), schema/cql2.json.
 */
import type { Geometry } from 'geojson';

export type Cql2Expression =
  | Cql2Operation
  | Cql2PropertyRef
  | Cql2Timestamp
  | Cql2Date
  | Cql2Interval
  | Cql2BboxLiteral
  | Geometry
  | Cql2Expression[]
  | string
  | number
  | boolean
  | null;

/** `{"op": "and", "args": [...]}`; `op` is lower-case as in the JSON encoding (`s_intersects`, `a_contains`, `casei`, `+`). */
export interface Cql2Operation {
  op: string;
  args: Cql2Expression[];
}

export interface Cql2PropertyRef {
  property: string;
}

export interface Cql2Timestamp {
  timestamp: string;
}

export interface Cql2Date {
  date: string;
}

/** Interval bounds are dates, timestamps, properties or `".."` for an open end. */
export interface Cql2Interval {
  interval: [Cql2Expression, Cql2Expression];
}

export interface Cql2BboxLiteral {
  bbox: number[];
}
