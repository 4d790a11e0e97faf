/**
 * The envelope/vertex shortcuts of relateToPrepared must agree with the full JSTS (DE-9IM) predicates:
 * random points, lines and polygons are tested against a rectangle, a concave polygon and a line.
 */
import 'jsts/org/locationtech/jts/monkey.js';
import GeoJSONReader from 'jsts/org/locationtech/jts/io/GeoJSONReader.js';
import GeometryFactory from 'jsts/org/locationtech/jts/geom/GeometryFactory.js';
import type { Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  bboxToGeometry,
  prepareSpatialOperand,
  relateToPrepared,
} from '../../../src/catalog/cql2/cql2-spatial.js';
import type { SpatialOperator } from '../../../src/catalog/cql2/cql2-spatial.js';

const reader = new GeoJSONReader(new GeometryFactory());
type JstsPredicate = (other: unknown) => boolean;
const jsts = (g: Geometry): Record<string, JstsPredicate> =>
  reader.read(g) as unknown as Record<string, JstsPredicate>;
const METHOD: Record<SpatialOperator, string> = {
  s_intersects: 'intersects',
  s_disjoint: 'disjoint',
  s_within: 'within',
  s_contains: 'contains',
  s_equals: 'equalsTopo',
  s_touches: 'touches',
  s_overlaps: 'overlaps',
  s_crosses: 'crosses',
};

let seed = 42;
const random = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
// Coordinates on a 0.5 grid so that vertices often fall exactly on the operands' edges.
const coordinate = (): number => Math.round(random() * 28 - 4) / 2;

function randomGeometry(): Geometry {
  const kind = random();
  const x = coordinate();
  const y = coordinate();
  if (kind < 0.3) return { type: 'Point', coordinates: [x, y] };
  if (kind < 0.6)
    return {
      type: 'LineString',
      coordinates: [
        [x, y],
        [coordinate(), coordinate()],
        [coordinate(), coordinate()],
      ],
    };
  if (kind > 0.95) {
    // A frame: a large square with a square hole, which may surround an operand without touching it.
    const hole = 1 + Math.round(random() * 8);
    return {
      type: 'Polygon',
      coordinates: [
        [
          [x - 20, y - 20],
          [x + 20, y - 20],
          [x + 20, y + 20],
          [x - 20, y + 20],
          [x - 20, y - 20],
        ],
        [
          [x - hole, y - hole],
          [x + hole, y - hole],
          [x + hole, y + hole],
          [x - hole, y + hole],
          [x - hole, y - hole],
        ],
      ],
    };
  }
  // Some polygons are larger than the operands, so that an operand can lie inside a row.
  const size = kind < 0.9 ? 6 : 30;
  const w = 0.5 + Math.round(random() * size) / 2;
  const h = 0.5 + Math.round(random() * size) / 2;
  return {
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + w, y],
        [x + w / 2, y + h],
        [x, y + h],
        [x, y],
      ],
    ],
  };
}

const operands: Record<string, Geometry> = {
  rectangle: bboxToGeometry([0, 0, 8, 6]),
  concave: {
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [10, 0],
        [10, 10],
        [5, 4],
        [0, 10],
        [0, 0],
      ],
    ],
  },
  line: {
    type: 'LineString',
    coordinates: [
      [-2, 3],
      [12, 3],
    ],
  },
  'polygon with a hole': {
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [10, 0],
        [10, 10],
        [0, 10],
        [0, 0],
      ],
      [
        [3, 3],
        [7, 3],
        [7, 7],
        [3, 7],
        [3, 3],
      ],
    ],
  },
  // 400 edges: exercises the bucketed edge index of large query areas.
  'many-sided polygon': {
    type: 'Polygon',
    coordinates: [
      Array.from({ length: 401 }, (_, i) => {
        const angle = ((i % 400) / 400) * 2 * Math.PI;
        const radius = i % 2 === 0 ? 6 : 4;
        return [5 + radius * Math.cos(angle), 5 + radius * Math.sin(angle)];
      }),
    ],
  },
  multipolygon: {
    type: 'MultiPolygon',
    coordinates: [
      [
        [
          [0, 0],
          [3, 0],
          [3, 3],
          [0, 0],
        ],
      ],
      [
        [
          [6, 6],
          [9, 6],
          [9, 9],
          [6, 9],
          [6, 6],
        ],
      ],
    ],
  },
};

describe('relateToPrepared', () => {
  it.each(Object.keys(operands))('agrees with JSTS against a %s on random geometries', (name) => {
    // JSTS is slow on the 400-edge operand: fewer rows keep the test fast.
    const rows = name === 'many-sided polygon' ? 120 : 600;
    const operand = prepareSpatialOperand(operands[name]);
    const reference = jsts(operands[name]);
    let disagreements = 0;
    let hits = 0;
    for (let i = 0; i < rows; i++) {
      const row = randomGeometry();
      const rowJsts = jsts(row);
      for (const op of Object.keys(METHOD) as SpatialOperator[]) {
        const expected = rowJsts[METHOD[op]].call(rowJsts, reference);
        const actual = relateToPrepared(op, row, operand);
        if (actual !== expected) disagreements++;
        if (expected) hits++;
      }
    }
    expect(disagreements).toBe(0);
    expect(hits).toBeGreaterThan(rows / 2);
  });
});
