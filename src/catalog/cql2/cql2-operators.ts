/**
 * The operator vocabulary of CQL2-JSON (lower-case `op` names) grouped by conformance class, shared by
 * the parsers, the text writer, the evaluator and the SQL compiler.
 * See OGC 21-065r2 clause 7 and schema/cql2.json.
 */
import { TEMPORAL_OPERATORS } from './cql2-temporal.js';

/** Binary comparisons (clause 7.4). */
export const COMPARISON_OPERATORS = new Set(['=', '<>', '<', '<=', '>', '>=']);
/** Arithmetic operators (clause 7.10). */
export const ARITHMETIC_OPERATORS = new Set(['+', '-', '*', '/', '%', 'div', '^']);
const LOGICAL_OPERATORS = new Set(['and', 'or', 'not']);
/** Spatial functions (clause 7.8). */
export const SPATIAL_OPERATORS = new Set([
  's_intersects',
  's_equals',
  's_disjoint',
  's_touches',
  's_within',
  's_overlaps',
  's_crosses',
  's_contains',
]);
/** Temporal functions (clause 7.9). */
export const TEMPORAL_OPERATOR_SET = new Set<string>(TEMPORAL_OPERATORS);
/** Array functions (clause 7.11). */
export const ARRAY_OPERATORS = new Set(['a_equals', 'a_contains', 'a_containedBy', 'a_overlaps']);

/** Operators written as function calls in CQL2-Text and their exact argument count. */
export const FUNCTION_STYLE_ARITY: Record<string, number> = {
  casei: 1,
  accenti: 1,
  ...Object.fromEntries(
    [...SPATIAL_OPERATORS, ...TEMPORAL_OPERATOR_SET, ...ARRAY_OPERATORS].map((op) => [op, 2]),
  ),
};

/** Every standard operator name; anything else in `op` is a (custom) function call. */
const STANDARD_OPERATORS = new Set<string>([
  ...COMPARISON_OPERATORS,
  ...ARITHMETIC_OPERATORS,
  ...LOGICAL_OPERATORS,
  'like',
  'between',
  'in',
  'isNull',
  ...Object.keys(FUNCTION_STYLE_ARITY),
]);

/** Lower-case spelling → canonical CQL2-JSON name (`t_metby` → `t_metBy`), for case-insensitive input. */
export const CANONICAL_OPERATOR_NAMES = new Map([...STANDARD_OPERATORS].map((op) => [op.toLowerCase(), op]));

/** Expected argument count of standard operators (undefined: variadic or checked elsewhere). */
export function standardArity(op: string): number | undefined {
  if (COMPARISON_OPERATORS.has(op) || ARITHMETIC_OPERATORS.has(op) || op === 'like' || op === 'in') return 2;
  if (op === 'between') return 3;
  if (op === 'not' || op === 'isNull') return 1;
  return FUNCTION_STYLE_ARITY[op];
}
