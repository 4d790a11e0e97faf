/**
 * Writes a CQL2 expression as normalised CQL2-Text: keywords upper-case, operators as named in CQL2-JSON, minimal parentheses, WKT for geometries. The output
 * parses back to the same expression. See OGC 21-065r2 annex B.
 */
import type { Geometry, Position } from 'geojson';
import type { Cql2Expression, Cql2Operation } from './cql2-expression.js';
import { ARITHMETIC_OPERATORS, COMPARISON_OPERATORS } from './cql2-operators.js';

// Binding strength: higher binds tighter. Function-style operators and literals are atoms.
const PRECEDENCE: Record<string, number> = {
  or: 1,
  and: 2,
  not: 3,
  '=': 4,
  '<>': 4,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  like: 4,
  between: 4,
  in: 4,
  isNull: 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '%': 6,
  div: 6,
  '^': 7,
};
const ATOM = 10;

/**
 * Serialises an expression to CQL2-Text.
 * Limits: CQL2-Text has no escape for the backslash, so a string with a backslash right before a quote
 * or at its very end does not read back identically; JSON null is written as NULL, which CQL2-Text lacks.
 * @example cql2ToText({ op: '>', args: [{ property: 'floors' }, 5] }) // "floors > 5"
 */
export function cql2ToText(expr: Cql2Expression): string {
  return write(expr);
}

function precedenceOf(expr: Cql2Expression): number {
  if (isOperation(expr)) return PRECEDENCE[expr.op] ?? ATOM;
  if (typeof expr === 'number' && (expr < 0 || Object.is(expr, -0))) return PRECEDENCE['*'];
  return ATOM;
}

function isOperation(expr: Cql2Expression): expr is Cql2Operation {
  return typeof expr === 'object' && expr !== null && !Array.isArray(expr) && 'op' in expr;
}

/** Writes `expr`, parenthesised when it binds less tightly than `minimum` requires. */
function operand(expr: Cql2Expression, minimum: number): string {
  const text = write(expr);
  return precedenceOf(expr) < minimum ? `(${text})` : text;
}

function write(expr: Cql2Expression): string {
  if (expr === null) return 'NULL';
  if (typeof expr === 'string') return quote(expr);
  if (typeof expr === 'number') return formatNumber(expr);
  if (typeof expr === 'boolean') return expr ? 'true' : 'false';
  if (Array.isArray(expr)) return `(${expr.map(write).join(', ')})`;
  if ('op' in expr) return writeOperation(expr);
  if ('property' in expr) return writeProperty(expr.property);
  if ('timestamp' in expr) return `TIMESTAMP(${quote(expr.timestamp)})`;
  if ('date' in expr) return `DATE(${quote(expr.date)})`;
  if ('interval' in expr) return `INTERVAL(${expr.interval.map(write).join(',')})`;
  if ('bbox' in expr && !('type' in expr)) return `BBOX(${expr.bbox.map(formatNumber).join(', ')})`;
  return writeGeometry(expr as Geometry);
}

function writeOperation(expr: Cql2Operation): string {
  const { op, args } = expr;
  const own = PRECEDENCE[op] ?? ATOM;
  if (op === 'and' || op === 'or') return args.map((a) => operand(a, own + 1)).join(` ${op.toUpperCase()} `);
  if (op === 'not') return `NOT ${operand(args[0], own)}`;
  if (op === 'isNull') return `${operand(args[0], own + 1)} IS NULL`;
  if (COMPARISON_OPERATORS.has(op)) return `${operand(args[0], own + 1)} ${op} ${operand(args[1], own + 1)}`;
  if (op === 'like') return `${operand(args[0], own + 1)} LIKE ${operand(args[1], own + 1)}`;
  if (op === 'between') {
    return `${operand(args[0], own + 1)} BETWEEN ${operand(args[1], own + 1)} AND ${operand(args[2], own + 1)}`;
  }
  if (op === 'in' && Array.isArray(args[1])) return `${operand(args[0], own + 1)} IN ${write(args[1])}`;
  if (op === 'div') return `div(${args.map(write).join(', ')})`;
  if (ARITHMETIC_OPERATORS.has(op) && args.length === 2) {
    // Left-associative: the right operand needs parentheses at equal precedence; '^' is right-associative.
    const leftMinimum = op === '^' ? own + 1 : own;
    const rightMinimum = op === '^' ? own : own + 1;
    return `${operand(args[0], leftMinimum)} ${op} ${operand(args[1], rightMinimum)}`;
  }
  return `${op}(${args.map(write).join(', ')})`;
}

const PLAIN_IDENTIFIER = /^[:_\p{L}][:_\p{L}\p{M}\p{N}.]*$/u;
const KEYWORDS = new Set([
  'AND',
  'OR',
  'NOT',
  'LIKE',
  'BETWEEN',
  'IN',
  'IS',
  'NULL',
  'DIV',
  'TRUE',
  'FALSE',
  'POINT',
  'LINESTRING',
  'POLYGON',
  'MULTIPOINT',
  'MULTILINESTRING',
  'MULTIPOLYGON',
  'GEOMETRYCOLLECTION',
  'BBOX',
  'DATE',
  'TIMESTAMP',
  'INTERVAL',
]);

function writeProperty(name: string): string {
  if (PLAIN_IDENTIFIER.test(name) && !KEYWORDS.has(name.toUpperCase())) return name;
  return `"${name.replace(/"/g, '""')}"`;
}

function quote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function formatNumber(value: number): string {
  return Object.is(value, -0) ? '-0' : String(value);
}

function writeGeometry(geometry: Geometry): string {
  const hasZ = (positions: Position[]): boolean => positions.some((p) => p.length > 2);
  const tag = (name: string, positions: Position[]): string => (hasZ(positions) ? `${name} Z` : name);
  const position = (p: Position): string => p.map(formatNumber).join(' ');
  const line = (ps: Position[]): string => `(${ps.map(position).join(',')})`;
  const polygon = (rings: Position[][]): string => `(${rings.map(line).join(',')})`;
  if (
    geometry.type === 'GeometryCollection'
      ? geometry.geometries.length === 0
      : geometry.coordinates.length === 0
  ) {
    return `${geometry.type.toUpperCase()} EMPTY`;
  }
  switch (geometry.type) {
    case 'Point':
      return `${tag('POINT', [geometry.coordinates])}(${position(geometry.coordinates)})`;
    case 'LineString':
      return `${tag('LINESTRING', geometry.coordinates)}${line(geometry.coordinates)}`;
    case 'Polygon':
      return `${tag('POLYGON', geometry.coordinates.flat())}${polygon(geometry.coordinates)}`;
    case 'MultiPoint':
      return `${tag('MULTIPOINT', geometry.coordinates)}${line(geometry.coordinates)}`;
    case 'MultiLineString':
      return `${tag('MULTILINESTRING', geometry.coordinates.flat())}${polygon(geometry.coordinates)}`;
    case 'MultiPolygon':
      return `${tag('MULTIPOLYGON', geometry.coordinates.flat(2))}(${geometry.coordinates.map(polygon).join(',')})`;
    case 'GeometryCollection':
      return `GEOMETRYCOLLECTION(${geometry.geometries.map(writeGeometry).join(',')})`;
  }
}
