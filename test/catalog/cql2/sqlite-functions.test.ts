/**
 * The SQL functions registered for CQL2: exact st_* predicates on GeoJSON text (NULL-safe, Features
 * accepted, cached literal), folding, LIKE and timestamp helpers. Expected spatial answers follow the
 * DE-9IM definitions (OGC 06-103r4 clause 6.1.15) for hand-checkable shapes.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { registerSqliteFunctions } from '../../../src/catalog/store/sqlite/sqlite-functions.js';

const db = new Database(':memory:');
registerSqliteFunctions(db);
const call = (sql: string, ...params: unknown[]): unknown =>
  (db.prepare(`SELECT ${sql} AS v`).get(...params) as { v: unknown }).v;
const json = (value: unknown): string => JSON.stringify(value);

const square = json({
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 0],
    ],
  ],
});
const inner = json({
  type: 'Polygon',
  coordinates: [
    [
      [2, 2],
      [4, 2],
      [4, 4],
      [2, 4],
      [2, 2],
    ],
  ],
});
const shifted = json({
  type: 'Polygon',
  coordinates: [
    [
      [5, 5],
      [15, 5],
      [15, 15],
      [5, 15],
      [5, 5],
    ],
  ],
});
const adjacent = json({
  type: 'Polygon',
  coordinates: [
    [
      [10, 0],
      [20, 0],
      [20, 10],
      [10, 10],
      [10, 0],
    ],
  ],
});
const crossingLine = json({
  type: 'LineString',
  coordinates: [
    [-5, 5],
    [15, 5],
  ],
});
const cornerPoint = json({ type: 'Point', coordinates: [10, 10] });
const centrePoint = json({
  type: 'Feature',
  properties: {},
  geometry: { type: 'Point', coordinates: [5, 5] },
});
const farPoint = json({ type: 'Point', coordinates: [50, 50] });

describe('registerSqliteFunctions', () => {
  it.each([
    ['st_intersects', inner, square, 1],
    ['st_within', inner, square, 1],
    ['st_contains', square, inner, 1],
    ['st_contains', inner, square, 0],
    ['st_overlaps', square, shifted, 1],
    ['st_overlaps', square, inner, 0],
    ['st_touches', square, adjacent, 1],
    ['st_touches', cornerPoint, square, 1],
    ['st_touches', centrePoint, square, 0],
    ['st_within', centrePoint, square, 1],
    ['st_crosses', crossingLine, square, 1],
    ['st_crosses', square, crossingLine, 1],
    ['st_disjoint', farPoint, square, 1],
    ['st_disjoint', cornerPoint, square, 0],
    [
      'st_equals',
      square,
      json({
        type: 'Polygon',
        coordinates: [
          [
            [10, 10],
            [0, 10],
            [0, 0],
            [10, 0],
            [10, 10],
          ],
        ],
      }),
      1,
    ],
    ['st_equals', square, shifted, 0],
    ['st_intersects', farPoint, square, 0],
  ])('%s(%s, %s) = %i', (fn, a, b, expected) => {
    expect(call(`${fn}(?, ?)`, a, b)).toBe(expected);
  });

  it('returns NULL for NULL arguments and raises a SQL error for malformed geometry', () => {
    for (const fn of [
      'st_intersects',
      'st_contains',
      'st_within',
      'st_equals',
      'st_disjoint',
      'st_touches',
      'st_overlaps',
      'st_crosses',
    ]) {
      expect(call(`${fn}(NULL, ?)`, square)).toBeNull();
      expect(call(`${fn}(?, NULL)`, square)).toBeNull();
    }
    expect(() => call('st_intersects(?, ?)', '{"type":"Nope"}', square)).toThrow(/not a GeoJSON geometry/);
    expect(() => call('st_intersects(?, ?)', 'not json', square)).toThrow();
  });

  it('gives the same answers when one literal is tested against many rows', () => {
    db.exec('CREATE TABLE pts (id INTEGER PRIMARY KEY, g TEXT)');
    const insert = db.prepare('INSERT INTO pts (g) VALUES (?)');
    for (let x = -5; x <= 15; x++) insert.run(json({ type: 'Point', coordinates: [x, 5] }));
    const inside = db.prepare('SELECT count(*) AS n FROM pts WHERE st_within(g, ?)').get(square) as {
      n: number;
    };
    const touching = db.prepare('SELECT count(*) AS n FROM pts WHERE st_touches(g, ?)').get(square) as {
      n: number;
    };
    expect(inside.n).toBe(9);
    expect(touching.n).toBe(2);
  });

  it('folds case and accents, matches LIKE case-sensitively and parses timestamps', () => {
    expect(call('cql2_casei(?)', 'KØBENHAVN')).toBe('københavn');
    expect(call('cql2_accenti(?)', 'Chișinău Réunion')).toBe('Chisinau Reunion');
    expect(call('cql2_accenti(?)', 'København Łódź Straße Æther')).toBe('Kobenhavn Lodz Strasse AEther');
    expect(call('cql2_casei(NULL)')).toBeNull();
    expect(call('cql2_like(?, ?)', 'Item_5', 'Item\\_%')).toBe(1);
    expect(call('cql2_like(?, ?)', 'item_5', 'Item%')).toBe(0);
    expect(call('cql2_timestamp(?)', '2020-01-02')).toBe(Date.UTC(2020, 0, 2));
    expect(call('cql2_timestamp(?)', '2020-01-02T01:00:00.250Z')).toBe(Date.UTC(2020, 0, 2, 1, 0, 0, 250));
    expect(call('cql2_timestamp(?)', 'soon')).toBeNull();
    expect(call('cql2_number(?)', ' 2012 ')).toBe(2012);
    expect(call('cql2_number(?)', '1e3')).toBe(1000);
    expect(call('cql2_number(?)', 'twelve')).toBeNull();
  });
});
