import type { Position } from 'geojson';
import GeometryFactory from 'jsts/org/locationtech/jts/geom/GeometryFactory.js';
import GeoJSONReader from 'jsts/org/locationtech/jts/io/GeoJSONReader.js';
import IsValidOp from 'jsts/org/locationtech/jts/operation/valid/IsValidOp.js';
import { describe, expect, it } from 'vitest';
import { isClearlySimpleRing } from '../../../src/catalog/search/simple-ring.js';
import { mulberry32 } from '../../support/mulberry32.js';

const reader = new GeoJSONReader(new GeometryFactory());
const isValidByJts = (ring: Position[]): boolean =>
  new IsValidOp(reader.read({ type: 'Polygon', coordinates: [ring] })).isValid();

describe('isClearlySimpleRing', () => {
  it('never calls a ring simple that JTS finds invalid, over random rings of 4 to 9 vertices', () => {
    const random = mulberry32(42);
    let proven = 0;
    for (let n = 0; n < 3000; n++) {
      const vertices = 4 + Math.floor(random() * 6);
      // Coarse coordinates make touching and collinear vertices frequent.
      const grid = random() < 0.5 ? 4 : 1000;
      const ring = Array.from({ length: vertices }, () => [
        55 + Math.round(random() * grid) / grid,
        -21 + Math.round(random() * grid) / grid,
      ]);
      ring.push([...ring[0]]);
      if (isClearlySimpleRing(ring)) {
        proven++;
        expect(isValidByJts(ring), JSON.stringify(ring)).toBe(true);
      }
    }
    // The fast path must also be useful: a fair share of the random rings are simple.
    expect(proven).toBeGreaterThan(300);
  });

  it('proves a convex hexagon and leaves a bow tie, a spike and a repeated vertex to JTS', () => {
    const hexagon = [
      [55.1, -21.2],
      [55.6, -21.3],
      [55.9, -21.0],
      [55.7, -20.7],
      [55.2, -20.8],
      [55.0, -21.0],
      [55.1, -21.2],
    ];
    expect(isClearlySimpleRing(hexagon)).toBe(true);
    const bowTie = [
      [0, 0],
      [1, 1],
      [1, 0],
      [0, 1],
      [0, 0],
    ];
    expect(isClearlySimpleRing(bowTie)).toBe(false);
    const spike = [
      [0, 0],
      [2, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ];
    expect(isClearlySimpleRing(spike)).toBe(false);
    const repeated = [
      [0, 0],
      [1, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ];
    expect(isClearlySimpleRing(repeated)).toBe(false);
  });
});
