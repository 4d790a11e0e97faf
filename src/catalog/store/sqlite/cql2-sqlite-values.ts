/**
 * Scalar operands of the CQL2 → SQLite compiler: literals become `?` parameters, queryables become the
 * store's SQL expression, constant sub-expressions are folded by the evaluator so that a typed column
 * compared with a literal stays `column op ?` (index-friendly).
 */
import type { Cql2Expression } from '../../cql2/cql2-expression.js';
import { InvalidFilterError, UnknownQueryableError } from '../../catalog-errors.js';
import { evaluateCql2Value } from '../../cql2/cql2-evaluator.js';
import { TemporalValue } from '../../cql2/cql2-values.js';
import { cql2InstantToMillis } from '../../cql2/cql2-temporal.js';
import type { SqlProperty, SqlPropertyResolver, SqlValueType } from './sql-property.js';

export type OperandType = SqlValueType | 'null';

export interface SqlOperand {
  sql: string;
  params: unknown[];
  type: OperandType;
  /** The JavaScript value when the operand is a folded constant. */
  constant?: { value: unknown };
  /** The queryable when the operand is a bare property reference. */
  property?: SqlProperty;
}

const ARITHMETIC_SQL: Record<string, (a: string, b: string) => string> = {
  '+': (a, b) => `(${a} + ${b})`,
  '-': (a, b) => `(${a} - ${b})`,
  '*': (a, b) => `(${a} * ${b})`,
  // SQLite divides integers as integers; CQL2 '/' is real division, 'div' truncates, '%' is fmod.
  '/': (a, b) => `(${a} * 1.0 / ${b})`,
  div: (a, b) => `CAST(${a} * 1.0 / ${b} AS INTEGER)`,
  '%': (a, b) => `mod(${a}, ${b})`,
  '^': (a, b) => `pow(${a}, ${b})`,
};

/** True when the expression references no property (so it can be evaluated once, at compile time). */
export function isConstantExpression(expr: Cql2Expression): boolean {
  if (expr === null || typeof expr !== 'object') return true;
  if (Array.isArray(expr)) return expr.every(isConstantExpression);
  if ('property' in expr) return false;
  if ('op' in expr) return expr.args.every(isConstantExpression);
  if ('interval' in expr) return expr.interval.every(isConstantExpression);
  return true;
}

/** Evaluates a constant expression (no property may be read). */
export function evaluateConstant(expr: Cql2Expression): unknown {
  return evaluateCql2Value(expr, (name) => {
    throw new UnknownQueryableError(name);
  });
}

/** The SQL operand for a scalar literal value. */
function literalOperand(value: unknown): SqlOperand | undefined {
  if (value === null) return { sql: 'NULL', params: [], type: 'null', constant: { value } };
  if (typeof value === 'string') return { sql: '?', params: [value], type: 'string', constant: { value } };
  if (typeof value === 'number') return { sql: '?', params: [value], type: 'number', constant: { value } };
  if (typeof value === 'boolean')
    return { sql: '?', params: [value ? 1 : 0], type: 'boolean', constant: { value } };
  if (value instanceof TemporalValue && value.isInstant) {
    return { sql: '?', params: [value.start], type: 'timestamp', constant: { value } };
  }
  return undefined;
}

/** Resolves a queryable or throws UnknownQueryableError. */
export function resolveProperty(name: string, resolve: SqlPropertyResolver): SqlProperty {
  const property = resolve(name);
  if (property === undefined) throw new UnknownQueryableError(name, `property ${name}`);
  return property;
}

/**
 * Compiles a scalar expression (literal, property, CASEI/ACCENTI, arithmetic).
 * `compilePredicate` is used for boolean sub-expressions appearing as values.
 */
export function compileScalar(
  expr: Cql2Expression,
  resolve: SqlPropertyResolver,
  compilePredicate: (e: Cql2Expression) => { sql: string; params: unknown[] },
): SqlOperand {
  if (isConstantExpression(expr)) {
    const folded = literalOperand(evaluateConstant(expr));
    if (folded !== undefined) return folded;
  }
  if (typeof expr === 'object' && expr !== null && !Array.isArray(expr)) {
    if ('property' in expr) {
      const property = resolveProperty(expr.property, resolve);
      return { sql: property.sql, params: [], type: property.type, property };
    }
    if ('op' in expr) {
      const { op, args } = expr;
      if (op === 'casei' || op === 'accenti') {
        const inner = compileScalar(args[0], resolve, compilePredicate);
        requireType(inner, ['string', 'json', 'null'], `${op.toUpperCase()}`);
        return { sql: `cql2_${op}(${inner.sql})`, params: inner.params, type: 'string' };
      }
      if (op in ARITHMETIC_SQL) {
        const [a, b] = args.map((arg) => compileScalar(arg, resolve, compilePredicate));
        requireType(a, ['number', 'json', 'null'], `the operator '${op}'`);
        requireType(b, ['number', 'json', 'null'], `the operator '${op}'`);
        return { sql: ARITHMETIC_SQL[op](a.sql, b.sql), params: [...a.params, ...b.params], type: 'number' };
      }
      const predicate = compilePredicate(expr);
      return { ...predicate, type: 'boolean' };
    }
  }
  throw new InvalidFilterError(`expected a scalar value but found ${describe(expr)}`);
}

/** Throws InvalidFilterError unless the operand has one of the allowed types. */
export function requireType(operand: SqlOperand, allowed: OperandType[], usedBy: string): void {
  if (!allowed.includes(operand.type)) {
    throw new InvalidFilterError(`${describeOperand(operand)} cannot be used with ${usedBy}`);
  }
}

function describeOperand(operand: SqlOperand): string {
  if (operand.constant !== undefined) return `the ${operand.type} ${JSON.stringify(operand.constant.value)}`;
  return `a value of type ${operand.type}`;
}

export function describe(expr: Cql2Expression): string {
  if (expr === null) return 'null';
  if (Array.isArray(expr)) return 'an array';
  if (typeof expr === 'object') {
    if ('op' in expr) return `the operation '${expr.op}'`;
    if ('property' in expr) return `the property '${expr.property}'`;
    if ('interval' in expr) return 'an interval';
    if ('timestamp' in expr || 'date' in expr) return 'a temporal literal';
    return 'a geometry';
  }
  return `the ${typeof expr} ${JSON.stringify(expr)}`;
}

/**
 * Makes two operands comparable: when one side is a timestamp, the other becomes epoch milliseconds
 * (string literals are parsed at compile time; string or JSON columns through `cql2_timestamp`).
 */
export function harmonizeOperands(a: SqlOperand, b: SqlOperand): [SqlOperand, SqlOperand] {
  if (a.type === 'timestamp' && b.type !== 'timestamp') return [a, toTimestamp(b)];
  if (b.type === 'timestamp' && a.type !== 'timestamp') return [toTimestamp(a), b];
  // JSON values compared with numbers: numeric strings count as numbers (see cql2_number).
  if (a.type === 'json' && b.type === 'number') return [asNumber(a), b];
  if (b.type === 'json' && a.type === 'number') return [a, asNumber(b)];
  for (const [x, y] of [
    [a, b],
    [b, a],
  ]) {
    const mismatch =
      (x.property !== undefined && ['number', 'boolean'].includes(x.type) && y.type === 'string') ||
      (x.property !== undefined && x.type === 'string' && (y.type === 'number' || y.type === 'boolean'));
    if (mismatch)
      throw new InvalidFilterError(`${describeOperand(y)} cannot be compared with a ${x.type} property`);
    if (x.type === 'geometry' || x.type === 'array') {
      throw new InvalidFilterError(
        `a ${x.type} cannot be used in a scalar comparison; use the S_* or A_* functions`,
      );
    }
  }
  return [a, b];
}

function asNumber(operand: SqlOperand): SqlOperand {
  return { sql: `cql2_number(${operand.sql})`, params: operand.params, type: 'number' };
}

/** Converts an operand to epoch milliseconds for temporal comparison. */
export function toTimestamp(operand: SqlOperand): SqlOperand {
  if (operand.type === 'timestamp' || operand.type === 'null') return operand;
  if (operand.constant !== undefined && typeof operand.constant.value === 'string') {
    const ms = cql2InstantToMillis(operand.constant.value);
    if (ms === undefined) {
      throw new InvalidFilterError(`'${operand.constant.value}' is not a date or timestamp`);
    }
    return { sql: '?', params: [ms], type: 'timestamp', constant: { value: ms } };
  }
  if (operand.type === 'string' || operand.type === 'json') {
    return { sql: `cql2_timestamp(${operand.sql})`, params: operand.params, type: 'timestamp' };
  }
  throw new InvalidFilterError(`${describeOperand(operand)} cannot be compared with a date or timestamp`);
}
