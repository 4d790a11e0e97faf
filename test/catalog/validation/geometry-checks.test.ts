import type { Geometry, Polygon, Position } from 'geojson';
import Orientation from 'jsts/org/locationtech/jts/algorithm/Orientation.js';
import GeometryFactory from 'jsts/org/locationtech/jts/geom/GeometryFactory.js';
import type JtsPolygon from 'jsts/org/locationtech/jts/geom/Polygon.js';
import GeoJSONReader from 'jsts/org/locationtech/jts/io/GeoJSONReader.js';
import IsValidOp from 'jsts/org/locationtech/jts/operation/valid/IsValidOp.js';
import { describe, expect, it } from 'vitest';
import { checkBbox, checkGeometry, type Findings } from '../../../src/catalog/validation/geometry-checks.js';
import { readExampleObjects } from './stac-example-fixtures.js';
import { mulberry32 } from '../../support/mulberry32.js';

const jtsReader = new GeoJSONReader(new GeometryFactory());

function findingsOf(geometry: Geometry): Findings {
  const findings: Findings = { errors: [], warnings: [] };
  checkGeometry(geometry, '/geometry', findings);
  return findings;
}

function fixtureGeometry(name: string): Geometry {
  const object = readExampleObjects(`real-world/stac-server/${name}`)[0].object;
  return (object.type === 'Feature' ? object.geometry : object) as Geometry;
}

describe('checkGeometry on the stac-server geometry fixtures', () => {
  it('accepts repeated consecutive positions (OGC and JTS allow them)', () => {
    expect(findingsOf(fixtureGeometry('geometry/badGeoDuplicateConsecutive.json'))).toEqual({
      errors: [],
      warnings: [],
    });
  });

  it('rejects a ring with a spike that runs back over itself', () => {
    expect(findingsOf(fixtureGeometry('geometry/badGeoFourPoints.json')).errors).toEqual([
      { path: '/geometry/coordinates/0', message: 'ring intersects itself at or near [100, 2]' },
    ]);
  });

  it('rejects each spiked polygon of a MultiPolygon', () => {
    const errors = findingsOf(fixtureGeometry('geometry/badGeoFourPointsMultiPolygon.json')).errors;
    expect(errors.map((error) => error.path)).toEqual([
      '/geometry/coordinates/0/0',
      '/geometry/coordinates/1/0',
    ]);
  });

  it('rejects an unclosed ring', () => {
    expect(findingsOf(fixtureGeometry('geometry/badGeoUnclosed.json')).errors).toEqual([
      {
        path: '/geometry/coordinates/0',
        message: 'ring is not closed: first position [100, 0] differs from last [100, 1]',
      },
    ]);
  });

  it('only warns about clockwise exterior rings (RFC 7946 §3.1.6: parsers SHOULD NOT reject)', () => {
    const findings = findingsOf(fixtureGeometry('geometry/badGeoRightHandRule.json'));
    expect(findings.errors).toEqual([]);
    // A clockwise shell and two counterclockwise holes: all three rings wound against the rule.
    expect(findings.warnings).toEqual([
      {
        path: '/geometry/coordinates/0',
        message: expect.stringMatching(/right-hand rule: expected counterclockwise/),
      },
      {
        path: '/geometry/coordinates/1',
        message: expect.stringMatching(/right-hand rule: expected clockwise \(hole\)/),
      },
      {
        path: '/geometry/coordinates/2',
        message: expect.stringMatching(/right-hand rule: expected clockwise \(hole\)/),
      },
    ]);
  });

  it('judges winding like JTS Orientation.isCCW (polygonWoundCCW.json is in fact clockwise)', () => {
    for (const name of ['geometry/polygonWoundCCW.json', 'geometry/badGeoDuplicateConsecutive.json']) {
      const polygon = fixtureGeometry(name) as Polygon;
      const shell = (jtsReader.read(polygon) as JtsPolygon).getExteriorRing().getCoordinates();
      const warned = findingsOf(polygon).warnings.some(
        (warning) => warning.path === '/geometry/coordinates/0',
      );
      expect(warned, name).toBe(!Orientation.isCCW(shell));
    }
    expect(findingsOf(fixtureGeometry('geometry/polygonWoundCCW.json')).warnings).toHaveLength(1);
  });

  it('rejects the zero-area polygon hidden in badGeoRightHandRule2, not its winding', () => {
    const errors = findingsOf(fixtureGeometry('geometry/badGeoRightHandRule2.json')).errors;
    expect(errors).toEqual([
      {
        path: '/geometry/coordinates/1/0',
        message: 'ring intersects itself at or near [-75.994645, 37.95325]',
      },
    ]);
  });

  it('accepts the intersects-search geometries', () => {
    for (const name of ['intersectsGeometry.json', 'noIntersectsGeometry.json', 'intersectsFeature.json']) {
      expect(findingsOf(fixtureGeometry(name)).errors, name).toEqual([]);
    }
  });
});

describe('checkGeometry agrees with JTS IsValidOp', () => {
  it('on 2,000 random closed rings over a small integer grid (many touching and collinear cases)', () => {
    const next = mulberry32(7946);
    let invalidCount = 0;
    for (let sample = 0; sample < 2000; sample++) {
      const count = 3 + Math.floor(next() * 8);
      const ring: Position[] = Array.from({ length: count }, () => [
        Math.floor(next() * 5),
        Math.floor(next() * 5),
      ]);
      ring.push([...ring[0]]);
      const polygon: Polygon = { type: 'Polygon', coordinates: [ring] };
      const isJtsValid = new IsValidOp(jtsReader.read(polygon)).isValid();
      const errors = findingsOf(polygon).errors;
      expect(errors.length === 0, JSON.stringify(ring)).toBe(isJtsValid);
      if (!isJtsValid) invalidCount++;
    }
    // Both outcomes must be well represented for the comparison to mean something.
    expect(invalidCount).toBeGreaterThan(200);
    expect(invalidCount).toBeLessThan(1800);
  });

  it('on polygons with holes and on overlapping multipolygons (delegated to JTS)', () => {
    const shell = [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 0],
    ];
    const holeInside = [
      [2, 2],
      [2, 4],
      [4, 4],
      [4, 2],
      [2, 2],
    ];
    const holeCrossing = [
      [8, 8],
      [8, 12],
      [12, 12],
      [12, 8],
      [8, 8],
    ];
    expect(findingsOf({ type: 'Polygon', coordinates: [shell, holeInside] }).errors).toEqual([]);
    expect(findingsOf({ type: 'Polygon', coordinates: [shell, holeCrossing] }).errors[0].message).toMatch(
      /^invalid geometry: Self-intersection at or near \[10, 8\]/,
    );
    const overlapping: Geometry = {
      type: 'MultiPolygon',
      coordinates: [
        [shell],
        [
          [
            [5, 5],
            [15, 5],
            [15, 15],
            [5, 15],
            [5, 5],
          ],
        ],
      ],
    };
    expect(findingsOf(overlapping).errors[0].path).toBe('/geometry/coordinates');
  });
});

describe('checkGeometry and checkBbox: coordinate ranges', () => {
  it('rejects positions outside longitude/latitude ranges', () => {
    expect(findingsOf({ type: 'Point', coordinates: [-21.1, 255.5] }).errors).toEqual([
      {
        path: '/geometry/coordinates',
        message: 'position [-21.1, 255.5] is outside longitude [-180, 180] / latitude [-90, 90]',
      },
    ]);
  });

  it('rejects an inverted bbox and accepts a 3D bbox around a point', () => {
    const findings: Findings = { errors: [], warnings: [] };
    checkBbox([55, -20, 56, -21], null, '/bbox', findings);
    expect(findings.errors).toEqual([
      { path: '/bbox', message: 'south edge -20 is greater than north edge -21' },
    ]);
    const point: Findings = { errors: [], warnings: [] };
    checkBbox(
      [55.7, -21.3, 0, 55.8, -21.2, 2632],
      { type: 'Point', coordinates: [55.71, -21.24, 2500] },
      '/bbox',
      point,
    );
    expect(point).toEqual({ errors: [], warnings: [] });
  });
});
