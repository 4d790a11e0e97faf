/**
 * Compiles a CQL2 expression into a SQLite WHERE fragment with positional parameters. Every literal is a
 * parameter (never spliced into SQL); queryables come from the store's {@link SqlPropertyResolver}.
 * Comparisons of a typed column with a literal compile to `column op ?` so SQLite can use its indexes;
 * LIKE compiles to GLOB (case-sensitive, prefix-indexable); S_* add an R*Tree prefilter when available.
 * The compiled SQL needs the functions of {@link registerSqliteFunctions} (sqlite-functions.ts).
 * See OGC 21-065r2 clause 7 for the semantics, mirrored by the in-memory evaluator.
 */
import type { Cql2Expression } from '../../cql2/cql2-expression.js';
import { InvalidFilterError } from '../../catalog-errors.js';
import {
  ARRAY_OPERATORS,
  COMPARISON_OPERATORS,
  SPATIAL_OPERATORS,
  TEMPORAL_OPERATOR_SET,
} from '../../cql2/cql2-operators.js';
import type { SpatialOperator } from '../../cql2/cql2-spatial.js';
import type { TemporalOperator } from '../../cql2/cql2-temporal.js';
import { likePatternToGlob } from '../../cql2/cql2-like-pattern.js';
import type { SqlFragment, SqlPropertyResolver } from './sql-property.js';
import {
  compileScalar,
  describe,
  evaluateConstant,
  harmonizeOperands,
  isConstantExpression,
  requireType,
} from './cql2-sqlite-values.js';
import type { SqlOperand } from './cql2-sqlite-values.js';
import { compileTemporal } from './cql2-sqlite-temporal.js';
import { compileSpatial } from './cql2-sqlite-spatial.js';
import { compileArray } from './cql2-sqlite-arrays.js';

/**
 * Compiles a boolean CQL2 expression to SQL.
 * @throws UnknownQueryableError when a property is not a queryable.
 * @throws InvalidFilterError on type errors (e.g. S_INTERSECTS on a number) and unsupported functions.
 * @example compileCql2ToSqlite(parseCql2Text('eo:cloud_cover < 10'), resolve) // { sql: 'i.cloud_cover < ?', params: [10] }
 */
export function compileCql2ToSqlite(expr: Cql2Expression, resolve: SqlPropertyResolver): SqlFragment {
  const fragment = new SqliteCompiler(resolve).predicate(expr);
  if (fragment.params.length > MAX_FILTER_PARAMETERS) {
    throw new InvalidFilterError(
      `the filter has ${fragment.params.length} literal values; at most ${MAX_FILTER_PARAMETERS} are accepted`,
    );
  }
  return fragment;
}

/** Leaves room below SQLite's bound-parameter limit (32766) for the rest of the store's query. */
const MAX_FILTER_PARAMETERS = 10_000;

class SqliteCompiler {
  constructor(private readonly resolve: SqlPropertyResolver) {}

  private readonly predicateFn = (e: Cql2Expression): SqlFragment => this.predicate(e);

  private scalar(expr: Cql2Expression): SqlOperand {
    return compileScalar(expr, this.resolve, this.predicateFn);
  }

  predicate(expr: Cql2Expression): SqlFragment {
    if (isConstantExpression(expr)) {
      const value = evaluateConstant(expr);
      if (value === null || typeof value === 'boolean')
        return { sql: '?', params: [value === null ? null : Number(value)] };
      throw new InvalidFilterError(`the filter must be a condition, but ${describe(expr)} is not`);
    }
    if (typeof expr !== 'object' || expr === null || Array.isArray(expr)) {
      throw new InvalidFilterError(`the filter must be a condition, but ${describe(expr)} is not`);
    }
    if ('property' in expr) {
      const operand = this.scalar(expr);
      requireType(operand, ['boolean', 'json'], 'AND/OR/NOT (a condition is expected)');
      return { sql: `(${operand.sql})`, params: operand.params };
    }
    if (!('op' in expr))
      throw new InvalidFilterError(`the filter must be a condition, but ${describe(expr)} is not`);
    const { op, args } = expr;
    if (op === 'and' || op === 'or') return this.join(args.map(this.predicateFn), op.toUpperCase());
    if (op === 'not') {
      const inner = this.predicate(args[0]);
      return { sql: `NOT ${inner.sql}`, params: inner.params };
    }
    if (COMPARISON_OPERATORS.has(op)) return this.comparison(op, args[0], args[1]);
    if (op === 'isNull') {
      const operand = this.scalar(args[0]);
      return { sql: `(${operand.sql} IS NULL)`, params: operand.params };
    }
    if (op === 'between') return this.between(args);
    if (op === 'in') return this.inList(args);
    if (op === 'like') return this.like(args);
    if (SPATIAL_OPERATORS.has(op)) return compileSpatial(op as SpatialOperator, args, this.resolve);
    if (TEMPORAL_OPERATOR_SET.has(op))
      return compileTemporal(op as TemporalOperator, args, this.resolve, this.predicateFn);
    if (ARRAY_OPERATORS.has(op)) return compileArray(op, args, this.resolve);
    if (['casei', 'accenti', '+', '-', '*', '/', '%', 'div', '^'].includes(op)) {
      throw new InvalidFilterError(`the filter must be a condition, but ${describe(expr)} is not`);
    }
    throw new InvalidFilterError(`function '${op}' is not supported by this catalogue`, `op ${op}`);
  }

  private join(parts: SqlFragment[], operator: string): SqlFragment {
    return {
      sql: `(${parts.map((p) => p.sql).join(` ${operator} `)})`,
      params: parts.flatMap((p) => p.params),
    };
  }

  private isGeometry(expr: Cql2Expression): boolean {
    if (typeof expr !== 'object' || expr === null || Array.isArray(expr)) return false;
    if ('property' in expr) return this.resolve(expr.property)?.type === 'geometry';
    return 'type' in expr || 'bbox' in expr;
  }

  private comparison(op: string, left: Cql2Expression, right: Cql2Expression): SqlFragment {
    if ((op === '=' || op === '<>') && this.isGeometry(left) && this.isGeometry(right)) {
      const equals = compileSpatial('s_equals', [left, right], this.resolve);
      return op === '=' ? equals : { sql: `NOT ${equals.sql}`, params: equals.params };
    }
    const [x, y] = harmonizeOperands(this.scalar(left), this.scalar(right));
    return { sql: `${x.sql} ${op} ${y.sql}`, params: [...x.params, ...y.params] };
  }

  private between(args: Cql2Expression[]): SqlFragment {
    const [value, low, high] = args.map((arg) => this.scalar(arg));
    const [v1, lo] = harmonizeOperands(value, low);
    const [v2, hi] = harmonizeOperands(v1, high);
    requireType(v2, ['number', 'timestamp', 'string', 'json', 'null'], 'BETWEEN');
    return {
      sql: `${v2.sql} BETWEEN ${lo.sql} AND ${hi.sql}`,
      params: [...v2.params, ...lo.params, ...hi.params],
    };
  }

  private inList(args: Cql2Expression[]): SqlFragment {
    if (!Array.isArray(args[1])) throw new InvalidFilterError('the second argument of IN must be a list');
    let value = this.scalar(args[0]);
    const items = args[1].map((item) => {
      const [v, i] = harmonizeOperands(value, this.scalar(item));
      value = v;
      return i;
    });
    return {
      sql: `${value.sql} IN (${items.map((i) => i.sql).join(', ')})`,
      params: [...value.params, ...items.flatMap((i) => i.params)],
    };
  }

  private like(args: Cql2Expression[]): SqlFragment {
    const value = this.scalar(args[0]);
    requireType(value, ['string', 'json', 'null'], 'LIKE');
    const pattern = this.scalar(args[1]);
    if (pattern.constant !== undefined && typeof pattern.constant.value === 'string') {
      return {
        sql: `${value.sql} GLOB ?`,
        params: [...value.params, likePatternToGlob(pattern.constant.value)],
      };
    }
    requireType(pattern, ['string', 'json', 'null'], 'LIKE (as the pattern)');
    return { sql: `cql2_like(${value.sql}, ${pattern.sql})`, params: [...value.params, ...pattern.params] };
  }
}
