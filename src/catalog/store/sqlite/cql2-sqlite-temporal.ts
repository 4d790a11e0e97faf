/**
 * Temporal operators (T_*) in SQLite: each operand becomes a closed interval of epoch-millisecond SQL
 * expressions, and the operator the conjunction of bound comparisons from CQL2's relation table. A
 * queryable with `endSql` is the interval [sql, endSql]; open interval ends ('..') bind ±Infinity, so
 * `datetime <= ?` style comparisons stay index-friendly.
 * See OGC 21-065r2 clause 7.9.
 */
import type { Cql2Expression } from '../../cql2/cql2-expression.js';
import { InvalidFilterError } from '../../catalog-errors.js';
import { TEMPORAL_RELATIONS } from '../../cql2/cql2-temporal.js';
import type { TemporalCondition, TemporalOperator } from '../../cql2/cql2-temporal.js';
import type { SqlFragment, SqlPropertyResolver } from './sql-property.js';
import { compileScalar, describe, toTimestamp } from './cql2-sqlite-values.js';
import type { SqlOperand } from './cql2-sqlite-values.js';

interface SqlInterval {
  start: SqlFragment;
  end: SqlFragment;
}

type PredicateCompiler = (e: Cql2Expression) => SqlFragment;

function fragment(operand: SqlOperand): SqlFragment {
  return { sql: operand.sql, params: operand.params };
}

function compileInterval(
  expr: Cql2Expression,
  resolve: SqlPropertyResolver,
  predicate: PredicateCompiler,
): SqlInterval {
  if (typeof expr === 'object' && expr !== null && !Array.isArray(expr) && 'interval' in expr) {
    const [start, end] = expr.interval.map((bound, i): SqlFragment => {
      if (bound === '..') return { sql: '?', params: [i === 0 ? -Infinity : Infinity] };
      const operand = compileScalar(bound, resolve, predicate);
      // A range queryable used as the end bound contributes its end instant, as in the evaluator.
      if (i === 1 && operand.property?.endSql !== undefined)
        return { sql: operand.property.endSql, params: [] };
      return fragment(toTimestamp(operand));
    });
    return { start, end };
  }
  if (typeof expr === 'object' && expr !== null && !Array.isArray(expr) && 'property' in expr) {
    const operand = compileScalar(expr, resolve, predicate);
    if (operand.property?.endSql !== undefined) {
      return { start: fragment(toTimestamp(operand)), end: { sql: operand.property.endSql, params: [] } };
    }
  }
  const isTemporalLiteral =
    typeof expr === 'object' &&
    expr !== null &&
    !Array.isArray(expr) &&
    ('timestamp' in expr || 'date' in expr);
  const isScalar =
    typeof expr === 'string' ||
    isTemporalLiteral ||
    (typeof expr === 'object' && expr !== null && 'property' in expr);
  if (!isScalar) throw new InvalidFilterError(`${describe(expr)} is not a temporal value`);
  const instant = fragment(toTimestamp(compileScalar(expr, resolve, predicate)));
  return { start: instant, end: instant };
}

function condition(a: SqlInterval, cond: TemporalCondition, b: SqlInterval): SqlFragment {
  const left = a[cond.left];
  const right = b[cond.right];
  return { sql: `${left.sql} ${cond.cmp} ${right.sql}`, params: [...left.params, ...right.params] };
}

function join(parts: SqlFragment[], operator: 'AND' | 'OR'): SqlFragment {
  return {
    sql: `(${parts.map((p) => p.sql).join(` ${operator} `)})`,
    params: parts.flatMap((p) => p.params),
  };
}

/** Compiles `op(a, b)` for a temporal operator. */
export function compileTemporal(
  op: TemporalOperator,
  args: Cql2Expression[],
  resolve: SqlPropertyResolver,
  predicate: PredicateCompiler,
): SqlFragment {
  const [a, b] = args.map((arg) => compileInterval(arg, resolve, predicate));
  if (op === 't_disjoint') {
    return join(
      [
        condition(a, { left: 'start', cmp: '>', right: 'end' }, b),
        condition(a, { left: 'end', cmp: '<', right: 'start' }, b),
      ],
      'OR',
    );
  }
  return join(
    TEMPORAL_RELATIONS[op].map((cond) => condition(a, cond, b)),
    'AND',
  );
}
