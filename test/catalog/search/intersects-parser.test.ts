import { describe, expect, it } from 'vitest';
import { parseIntersects } from '../../../src/catalog/search/intersects-parser.js';

const square = {
  type: 'Polygon',
  coordinates: [
    [
      [55, -21],
      [56, -21],
      [56, -20],
      [55, -20],
      [55, -21],
    ],
  ],
};

describe('parseIntersects', () => {
  it('accepts valid geometries given as objects or JSON text', () => {
    expect(parseIntersects(square)).toEqual(square);
    expect(parseIntersects(JSON.stringify({ type: 'Point', coordinates: [55.7, -21.2] }))).toEqual({
      type: 'Point',
      coordinates: [55.7, -21.2],
    });
  });
  it('rejects a self-intersecting polygon with the JTS reason and location', () => {
    const bowtie = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 1],
          [1, 0],
          [0, 1],
          [0, 0],
        ],
      ],
    };
    expect(() => parseIntersects(bowtie)).toThrow(
      'intersects Polygon is invalid: Self-intersection at (0.5, 0.5)',
    );
  });
  it.each([
    [
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 1],
            [0, 0],
          ],
        ],
      },
      /at least 4 positions/,
    ],
    [
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 1],
            [1, 0],
            [0, 2],
          ],
        ],
      },
      /must be closed/,
    ],
    [{ type: 'Circle', coordinates: [0, 0] }, /not a GeoJSON geometry type/],
    [{ type: 'Point', coordinates: [200, 0] }, /outside longitude\/latitude range/],
    [{ type: 'Point', coordinates: ['0', 0] }, /2 or 3 finite numbers/],
    ['{"type":', /not valid JSON/],
    [[1, 2], /GeoJSON geometry object/],
  ])('rejects %j', (input, message) => {
    expect(() => parseIntersects(input)).toThrow(message);
  });
});
