/**
 * CQL2-JSON reader: checks the structure of a decoded JSON filter and returns it in normal form
 * (standard operator names in their canonical case, timestamps in UTC `Z` form, the pre-1.0 spellings
 * of cql2-legacy-forms.ts rewritten).
 * See OGC 21-065r2 clause 8 and schema/cql2.json.
 */
import type { Cql2Expression } from './cql2-expression.js';
import { InvalidFilterError } from '../catalog-errors.js';
import { CANONICAL_OPERATOR_NAMES, TEMPORAL_OPERATOR_SET, standardArity } from './cql2-operators.js';
import { LEGACY_OPERATOR_ALIASES, temporalLiteralFromString } from './cql2-legacy-forms.js';
import { isCql2Date, normalizeCql2Timestamp } from './cql2-temporal.js';
import { validateGeoJsonGeometry } from './cql2-geojson-validation.js';

/**
 * Validates a decoded CQL2-JSON value and returns the normalised expression.
 * @throws InvalidFilterError whose location is the JSON pointer of the offending member.
 * @example parseCql2Json({ op: '<', args: [{ property: 'eo:cloud_cover' }, 10] })
 */
export function parseCql2Json(value: unknown): Cql2Expression {
  return readExpression(value, '');
}

function fail(message: string, pointer: string): never {
  throw new InvalidFilterError(`invalid CQL2-JSON: ${message}`, pointer === '' ? '/' : pointer);
}

/** Nesting limit in JSON levels (geometry coordinates included), so hostile input cannot exhaust the stack. */
const MAX_JSON_DEPTH = 200;

function readExpression(value: unknown, pointer: string): Cql2Expression {
  if (pointer.split('/').length > MAX_JSON_DEPTH)
    fail(`more than ${MAX_JSON_DEPTH} levels of nesting`, pointer);
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) fail('numbers must be finite', pointer);
    return value;
  }
  if (value === null || value === undefined) fail('null is not a CQL2 expression', pointer);
  if (Array.isArray(value)) return value.map((item, i) => readExpression(item, `${pointer}/${i}`));
  if (typeof value !== 'object') fail(`unsupported value of type ${typeof value}`, pointer);
  const object = value as Record<string, unknown>;
  if ('op' in object) return readOperation(object, pointer);
  if ('property' in object) {
    expectKeys(object, ['property'], pointer);
    if (typeof object.property !== 'string' || object.property === '') {
      fail('"property" must be a non-empty string', `${pointer}/property`);
    }
    return { property: object.property };
  }
  if ('timestamp' in object) {
    expectKeys(object, ['timestamp'], pointer);
    const timestamp =
      typeof object.timestamp === 'string' ? normalizeCql2Timestamp(object.timestamp) : undefined;
    if (timestamp === undefined)
      fail('"timestamp" must be an RFC 3339 UTC timestamp', `${pointer}/timestamp`);
    return { timestamp };
  }
  if ('date' in object) {
    expectKeys(object, ['date'], pointer);
    if (typeof object.date !== 'string' || !isCql2Date(object.date)) {
      fail('"date" must be a date YYYY-MM-DD', `${pointer}/date`);
    }
    return { date: object.date };
  }
  if ('interval' in object) return readInterval(object, pointer);
  if ('type' in object) return validateGeoJsonGeometry(object, pointer, fail);
  if ('bbox' in object) {
    expectKeys(object, ['bbox'], pointer);
    const bbox = object.bbox;
    if (!Array.isArray(bbox) || (bbox.length !== 4 && bbox.length !== 6) || !bbox.every(Number.isFinite)) {
      fail('"bbox" must be an array of 4 or 6 numbers', `${pointer}/bbox`);
    }
    return { bbox: bbox as number[] };
  }
  return fail(
    `unknown expression object with members ${Object.keys(object).join(', ') || '(none)'}`,
    pointer,
  );
}

function expectKeys(object: Record<string, unknown>, allowed: string[], pointer: string): void {
  const extra = Object.keys(object).find((key) => !allowed.includes(key));
  if (extra !== undefined) fail(`unexpected member "${extra}"`, `${pointer}/${extra}`);
}

function readOperation(object: Record<string, unknown>, pointer: string): Cql2Expression {
  expectKeys(object, ['op', 'args'], pointer);
  if (typeof object.op !== 'string' || object.op === '')
    fail('"op" must be a non-empty string', `${pointer}/op`);
  const lower = object.op.toLowerCase();
  const op =
    CANONICAL_OPERATOR_NAMES.get((LEGACY_OPERATOR_ALIASES[lower] ?? lower).toLowerCase()) ?? object.op;
  const rawArgs = object.args ?? [];
  if (!Array.isArray(rawArgs)) fail('"args" must be an array', `${pointer}/args`);
  const args = rawArgs.map((arg, i) => {
    const at = `${pointer}/args/${i}`;
    if (typeof arg !== 'string' || !TEMPORAL_OPERATOR_SET.has(op)) return readExpression(arg, at);
    const literal = temporalLiteralFromString(arg);
    if (literal === undefined) fail(`'${arg}' is not a date, a timestamp or an interval 'start/end'`, at);
    return literal;
  });
  const arity = standardArity(op);
  if (arity !== undefined && args.length !== arity) {
    fail(`"${op}" takes ${arity} argument(s), got ${args.length}`, `${pointer}/args`);
  }
  if ((op === 'and' || op === 'or') && args.length < 2) {
    fail(`"${op}" takes at least 2 arguments, got ${args.length}`, `${pointer}/args`);
  }
  if (op === 'in' && !Array.isArray(args[1]))
    fail('the second argument of "in" must be an array', `${pointer}/args/1`);
  return { op, args };
}

function readInterval(object: Record<string, unknown>, pointer: string): Cql2Expression {
  expectKeys(object, ['interval'], pointer);
  const bounds = object.interval;
  if (!Array.isArray(bounds) || bounds.length !== 2)
    fail('"interval" must be an array of 2 bounds', `${pointer}/interval`);
  const read = (bound: unknown, i: number): Cql2Expression => {
    const at = `${pointer}/interval/${i}`;
    if (typeof bound !== 'string') {
      const expression = readExpression(bound, at);
      if (
        typeof expression === 'object' &&
        expression !== null &&
        ('property' in expression || 'op' in expression)
      ) {
        return expression;
      }
      if (typeof expression === 'object' && expression !== null && 'timestamp' in expression)
        return expression.timestamp;
      if (typeof expression === 'object' && expression !== null && 'date' in expression)
        return expression.date;
      return fail("an interval bound must be a date, a timestamp, '..', a property or a function", at);
    }
    if (bound === '..' || isCql2Date(bound)) return bound;
    const timestamp = normalizeCql2Timestamp(bound);
    if (timestamp === undefined) fail(`'${bound}' is not a date, a timestamp or '..'`, at);
    return timestamp;
  };
  return { interval: [read(bounds[0], 0), read(bounds[1], 1)] };
}
