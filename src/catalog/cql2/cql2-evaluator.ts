/**
 * In-memory evaluation of a CQL2 expression against one feature, with SQL three-valued logic: a
 * comparison involving a missing (null) value is unknown, NOT unknown is unknown, and only `true`
 * selects the feature. Used for stores without SQL and as the reference the SQLite compiler is tested
 * against. See OGC 21-065r2 clause 7.
 */
import type { Cql2Expression, Cql2Operation } from './cql2-expression.js';
import { InvalidFilterError } from '../catalog-errors.js';
import {
  ARRAY_OPERATORS,
  COMPARISON_OPERATORS,
  SPATIAL_OPERATORS,
  TEMPORAL_OPERATOR_SET,
} from './cql2-operators.js';
import { bboxToGeometry, prepareSpatialOperand, relateToPrepared } from './cql2-spatial.js';
import type { PreparedSpatialOperand, SpatialOperator } from './cql2-spatial.js';
import { cql2InstantToMillis, relateIntervals } from './cql2-temporal.js';
import type { TemporalOperator } from './cql2-temporal.js';
import { foldAccents, foldCase } from './cql2-text-folding.js';
import { matchesLikePattern } from './cql2-like-pattern.js';
import { arithmetic } from './cql2-arithmetic.js';
import {
  arrayElementKey,
  compareValues,
  fromJson,
  GeometryValue,
  TemporalValue,
  toGeometry,
  toTemporal,
} from './cql2-values.js';
import type { Cql2Value } from './cql2-values.js';

export interface Cql2Feature {
  id?: string | number;
  geometry?: unknown;
  properties?: Record<string, unknown>;
}

/** Returns the raw (JSON) value of a queryable for a feature; undefined when absent. */
export type Cql2PropertyResolver = (name: string, feature: Cql2Feature) => unknown;

/** Default lookup: `properties[name]`, then `id` and `geometry` from the feature itself. */
export const defaultPropertyResolver: Cql2PropertyResolver = (name, feature) => {
  if (feature.properties !== undefined && Object.hasOwn(feature.properties, name))
    return feature.properties[name];
  if (name === 'id') return feature.id;
  if (name === 'geometry') return feature.geometry;
  return undefined;
};

/**
 * True when the feature satisfies the filter (unknown counts as false).
 * @throws InvalidFilterError for functions Fournaise does not implement (e.g. `avg`, `Buffer`).
 * @example evaluateCql2(parseCql2Text('cloud < 10'), { properties: { cloud: 3 } }) // true
 */
export function evaluateCql2(
  expr: Cql2Expression,
  feature: Cql2Feature,
  resolve: Cql2PropertyResolver = defaultPropertyResolver,
): boolean {
  return evaluateCql2Value(expr, (name) => fromJson(resolve(name, feature))) === true;
}

const preparedOperands = new WeakMap<object, PreparedSpatialOperand>();
const CONVERSE: Record<string, SpatialOperator> = { s_within: 's_contains', s_contains: 's_within' };

/** Evaluates any expression to a runtime value, reading properties through `lookup`. */
export function evaluateCql2Value(expr: Cql2Expression, lookup: (name: string) => Cql2Value): Cql2Value {
  const evaluate = (e: Cql2Expression): Cql2Value => evaluateCql2Value(e, lookup);
  if (expr === null || typeof expr !== 'object') return expr;
  if (Array.isArray(expr)) return expr.map(evaluate);
  if ('op' in expr) return evaluateOperation(expr, evaluate);
  if ('property' in expr) return lookup(expr.property);
  if ('timestamp' in expr || 'date' in expr) {
    const ms = cql2InstantToMillis('timestamp' in expr ? expr.timestamp : expr.date);
    return ms === undefined ? null : new TemporalValue(ms, ms);
  }
  if ('interval' in expr) {
    const [start, end] = expr.interval.map((bound, i) => {
      if (bound === '..') return i === 0 ? -Infinity : Infinity;
      const t = toTemporal(evaluate(bound));
      return t === undefined ? undefined : i === 0 ? t.start : t.end;
    });
    return start === undefined || end === undefined ? null : new TemporalValue(start, end);
  }
  if ('bbox' in expr && !('type' in expr)) return new GeometryValue(bboxToGeometry(expr.bbox));
  return new GeometryValue(expr as never);
}

function and(values: Cql2Value[]): boolean | null {
  if (values.some((v) => v === false)) return false;
  return values.every((v) => v === true) ? true : null;
}

function or(values: Cql2Value[]): boolean | null {
  if (values.some((v) => v === true)) return true;
  return values.every((v) => v === false) ? false : null;
}

function compare(op: string, a: Cql2Value, b: Cql2Value): boolean | null {
  if (a === null || b === null) return null;
  if (a instanceof GeometryValue || b instanceof GeometryValue) {
    const [ga, gb] = [toGeometry(a), toGeometry(b)];
    if (ga === undefined || gb === undefined || (op !== '=' && op !== '<>')) return null;
    return relateToPrepared('s_equals', ga, prepareSpatialOperand(gb)) === (op === '=');
  }
  const order = compareValues(a, b);
  if (order === undefined) return null;
  const results: Record<string, boolean> = {
    '=': order === 0,
    '<>': order !== 0,
    '<': order < 0,
    '<=': order <= 0,
    '>': order > 0,
    '>=': order >= 0,
  };
  return results[op];
}

function evaluateOperation(expr: Cql2Operation, evaluate: (e: Cql2Expression) => Cql2Value): Cql2Value {
  const { op, args } = expr;
  if (op === 'and') return and(args.map(evaluate));
  if (op === 'or') return or(args.map(evaluate));
  if (op === 'not') {
    const value = evaluate(args[0]);
    return typeof value === 'boolean' ? !value : null;
  }
  if (COMPARISON_OPERATORS.has(op)) return compare(op, evaluate(args[0]), evaluate(args[1]));
  if (op === 'isNull') return evaluate(args[0]) === null;
  if (op === 'between') {
    const [value, low, high] = args.map(evaluate);
    return and([compare('>=', value, low), compare('<=', value, high)]);
  }
  if (op === 'in') {
    const value = evaluate(args[0]);
    const list = evaluate(args[1]);
    if (value === null || !Array.isArray(list)) return null;
    return or(list.map((item) => compare('=', value, item)));
  }
  if (op === 'like') {
    const [value, pattern] = args.map(evaluate);
    if (value === null || pattern === null) return null;
    return typeof value === 'string' && typeof pattern === 'string'
      ? matchesLikePattern(value, pattern)
      : null;
  }
  if (op === 'casei' || op === 'accenti') {
    const value = evaluate(args[0]);
    if (typeof value !== 'string') return null;
    return op === 'casei' ? foldCase(value) : foldAccents(value);
  }
  if (op in arithmetic) {
    const [a, b] = args.map(evaluate);
    return typeof a === 'number' && typeof b === 'number' ? arithmetic[op](a, b) : null;
  }
  if (SPATIAL_OPERATORS.has(op)) return evaluateSpatial(op as SpatialOperator, args, evaluate);
  if (TEMPORAL_OPERATOR_SET.has(op)) {
    const [a, b] = args.map((arg) => toTemporal(evaluate(arg)));
    return a === undefined || b === undefined ? null : relateIntervals(op as TemporalOperator, a, b);
  }
  if (ARRAY_OPERATORS.has(op)) return evaluateArray(op, evaluate(args[0]), evaluate(args[1]));
  throw new InvalidFilterError(`function '${op}' is not supported by this catalogue`, `op ${op}`);
}

function isConstantGeometry(expr: Cql2Expression): boolean {
  return (
    typeof expr === 'object' && expr !== null && !Array.isArray(expr) && ('type' in expr || 'bbox' in expr)
  );
}

function evaluateSpatial(
  op: SpatialOperator,
  args: Cql2Expression[],
  evaluate: (e: Cql2Expression) => Cql2Value,
): boolean | null {
  // Put the literal operand second so its prepared form is built once per expression, not per feature.
  const swap = !isConstantGeometry(args[1]) && isConstantGeometry(args[0]);
  const [rowArg, constantArg] = swap ? [args[1], args[0]] : [args[0], args[1]];
  const effectiveOp = swap ? (CONVERSE[op] ?? op) : op;
  const row = toGeometry(evaluate(rowArg));
  if (row === undefined) return null;
  const cacheKey = isConstantGeometry(constantArg) ? (constantArg as object) : undefined;
  let prepared = cacheKey ? preparedOperands.get(cacheKey) : undefined;
  if (prepared === undefined) {
    const geometry = toGeometry(evaluate(constantArg));
    if (geometry === undefined) return null;
    prepared = prepareSpatialOperand(geometry);
    if (cacheKey) preparedOperands.set(cacheKey, prepared);
  }
  return relateToPrepared(effectiveOp, row, prepared);
}

/** A_* operators with set semantics (element order and repetitions do not matter). */
function evaluateArray(op: string, a: Cql2Value, b: Cql2Value): boolean | null {
  if (!Array.isArray(a) || !Array.isArray(b)) return null;
  const keysA = new Set(a.map(arrayElementKey));
  const keysB = new Set(b.map(arrayElementKey));
  const contains = (outer: Set<string>, inner: Set<string>): boolean => [...inner].every((k) => outer.has(k));
  switch (op) {
    case 'a_equals':
      return contains(keysA, keysB) && contains(keysB, keysA);
    case 'a_contains':
      return contains(keysA, keysB);
    case 'a_containedBy':
      return contains(keysB, keysA);
    default:
      return [...keysA].some((k) => keysB.has(k));
  }
}
