/**
 * Well-known-text geometry literals inside CQL2-Text (POINT … GEOMETRYCOLLECTION, optional Z, EMPTY),
 * read from the CQL2 token stream and returned as GeoJSON geometries, the CQL2-JSON encoding.
 * See OGC 21-065r2 cql2.bnf `spatialInstance` and OGC 06-103r4 (Simple Features WKT).
 */
import type { Geometry, Position } from 'geojson';
import type { Cql2TokenCursor } from './cql2-token-cursor.js';

const GEOMETRY_KEYWORDS = new Set([
  'POINT',
  'LINESTRING',
  'POLYGON',
  'MULTIPOINT',
  'MULTILINESTRING',
  'MULTIPOLYGON',
  'GEOMETRYCOLLECTION',
]);

/** True when the cursor stands on a WKT geometry keyword that starts a literal (not a function call). */
export function isWktKeyword(name: string): boolean {
  return GEOMETRY_KEYWORDS.has(name.toUpperCase());
}

/** Parses one tagged WKT geometry starting at its keyword. */
export function parseWktGeometry(cursor: Cql2TokenCursor): Geometry {
  const keyword = cursor.next().text.toUpperCase();
  const next = cursor.peek();
  if (next.kind === 'identifier' && /^(Z|M|ZM)$/i.test(next.text)) cursor.next();
  if (cursor.peekKeyword('EMPTY')) {
    cursor.next();
    return keyword === 'GEOMETRYCOLLECTION'
      ? { type: 'GeometryCollection', geometries: [] }
      : ({ type: toGeoJsonType(keyword), coordinates: [] } as unknown as Geometry);
  }
  switch (keyword) {
    case 'POINT': {
      cursor.expectSymbol('(', "'(' after POINT");
      const position = parsePosition(cursor);
      cursor.expectSymbol(')', "')' closing the POINT");
      return { type: 'Point', coordinates: position };
    }
    case 'LINESTRING':
      return { type: 'LineString', coordinates: parsePositionList(cursor) };
    case 'POLYGON':
      return { type: 'Polygon', coordinates: parseList(cursor, () => parsePositionList(cursor)) };
    case 'MULTIPOINT':
      return {
        type: 'MultiPoint',
        coordinates: parseList(cursor, () => {
          if (!cursor.peekSymbol('(')) return parsePosition(cursor);
          cursor.next();
          const position = parsePosition(cursor);
          cursor.expectSymbol(')', "')' closing a point");
          return position;
        }),
      };
    case 'MULTILINESTRING':
      return { type: 'MultiLineString', coordinates: parseList(cursor, () => parsePositionList(cursor)) };
    case 'MULTIPOLYGON':
      return {
        type: 'MultiPolygon',
        coordinates: parseList(cursor, () => parseList(cursor, () => parsePositionList(cursor))),
      };
    default:
      return {
        type: 'GeometryCollection',
        geometries: parseList(cursor, () => {
          const token = cursor.peek();
          if (token.kind !== 'identifier' || !isWktKeyword(token.text)) cursor.fail('a WKT geometry');
          return parseWktGeometry(cursor);
        }),
      };
  }
}

function toGeoJsonType(keyword: string): string {
  const names: Record<string, string> = {
    POINT: 'Point',
    LINESTRING: 'LineString',
    POLYGON: 'Polygon',
    MULTIPOINT: 'MultiPoint',
    MULTILINESTRING: 'MultiLineString',
    MULTIPOLYGON: 'MultiPolygon',
  };
  return names[keyword];
}

function parseList<T>(cursor: Cql2TokenCursor, item: () => T): T[] {
  cursor.expectSymbol('(', "'(' opening a coordinate list");
  const items = [item()];
  while (cursor.peekSymbol(',')) {
    cursor.next();
    items.push(item());
  }
  cursor.expectSymbol(')', "',' or ')' in a coordinate list");
  return items;
}

function parsePositionList(cursor: Cql2TokenCursor): Position[] {
  return parseList(cursor, () => parsePosition(cursor));
}

function parsePosition(cursor: Cql2TokenCursor): Position {
  const position = [cursor.signedNumber('a coordinate'), cursor.signedNumber('a second coordinate')];
  if (cursor.peek().kind === 'number' || cursor.peekSymbol('-') || cursor.peekSymbol('+')) {
    position.push(cursor.signedNumber('a coordinate'));
  }
  return position;
}
