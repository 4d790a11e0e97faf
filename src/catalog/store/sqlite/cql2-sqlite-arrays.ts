/**
 * Array operators (A_*) in SQLite with set semantics, through json_each: A_CONTAINS(A, B) holds when
 * every element of B occurs in A, A_CONTAINEDBY is the converse, A_EQUALS both, A_OVERLAPS at least one
 * common element. A missing (NULL) array gives the unknown value, as in the evaluator.
 * See OGC 21-065r2 clause 7.11.
 */
import type { Cql2Expression } from '../../cql2/cql2-expression.js';
import { InvalidFilterError } from '../../catalog-errors.js';
import type { SqlFragment, SqlPropertyResolver } from './sql-property.js';
import { describe, evaluateConstant, isConstantExpression, resolveProperty } from './cql2-sqlite-values.js';
import { TemporalValue } from '../../cql2/cql2-values.js';

function toJsonElement(value: unknown): unknown {
  if (value instanceof TemporalValue) return new Date(value.start).toISOString();
  if (Array.isArray(value)) return value.map(toJsonElement);
  return value;
}

function arrayOperand(
  expr: Cql2Expression,
  resolve: SqlPropertyResolver,
): SqlFragment & { isJson: boolean; isLiteral: boolean } {
  if (Array.isArray(expr) && isConstantExpression(expr)) {
    return {
      sql: '?',
      params: [JSON.stringify(toJsonElement(evaluateConstant(expr)))],
      isJson: false,
      isLiteral: true,
    };
  }
  if (typeof expr === 'object' && expr !== null && !Array.isArray(expr) && 'property' in expr) {
    const property = resolveProperty(expr.property, resolve);
    if (property.type === 'array' || property.type === 'json') {
      return { sql: property.sql, params: [], isJson: property.type === 'json', isLiteral: false };
    }
    throw new InvalidFilterError(`the property '${expr.property}' is a ${property.type}, not an array`);
  }
  throw new InvalidFilterError(
    `${describe(expr)} is not an array (expected a property or a list of literals)`,
  );
}

function containsSql(outer: string, inner: string): string {
  return `NOT EXISTS (SELECT 1 FROM json_each(${inner}) AS i WHERE NOT EXISTS (SELECT 1 FROM json_each(${outer}) AS o WHERE o.value = i.value))`;
}

/** Compiles `op(a, b)` for an array operator. */
export function compileArray(op: string, args: Cql2Expression[], resolve: SqlPropertyResolver): SqlFragment {
  const [a, b] = args.map((arg) => arrayOperand(arg, resolve));
  // Each operand text is used several times: bind it as often as it appears.
  const A = '__A__';
  const B = '__B__';
  let body: string;
  switch (op) {
    case 'a_contains':
      body = containsSql(A, B);
      break;
    case 'a_containedBy':
      body = containsSql(B, A);
      break;
    case 'a_equals':
      body = `(${containsSql(A, B)} AND ${containsSql(B, A)})`;
      break;
    default:
      body = `EXISTS (SELECT 1 FROM json_each(${A}) AS o, json_each(${B}) AS i WHERE o.value = i.value)`;
  }
  const guards: string[] = [];
  for (const [name, operand] of [
    [A, a],
    [B, b],
  ] as const) {
    if (operand.isLiteral) continue;
    guards.push(
      operand.isJson
        ? `CASE WHEN json_valid(${name}) THEN json_type(${name}) = 'array' ELSE 0 END`
        : `${name} IS NOT NULL`,
    );
  }
  // CASE evaluates its conditions in order, so json_each never sees a non-array value.
  const template =
    guards.length === 0
      ? `(${body})`
      : `(CASE WHEN ${guards.map((g) => `NOT (${g})`).join(' OR ')} THEN NULL ELSE ${body} END)`;
  const params: unknown[] = [];
  const sql = template.replace(/__A__|__B__/g, (name) => {
    const operand = name === A ? a : b;
    params.push(...operand.params);
    return operand.sql;
  });
  return { sql, params };
}
