/**
 * CQL2 → SQLite compilation: index-friendly shapes, parameters for every literal (SQL injection attempts
 * through strings, property names and numbers), R*Tree prefilters, item intervals via endSql, errors.
 */
import { describe, expect, it } from 'vitest';
import { parseCql2Json, parseCql2Text } from '../../../src/catalog/cql2/index.js';
import { compileCql2ToSqlite } from '../../../src/catalog/store/sqlite/cql2-sqlite-compiler.js';
import type { SqlProperty } from '../../../src/catalog/store/sqlite/sql-property.js';
import { InvalidFilterError, UnknownQueryableError } from '../../../src/catalog/catalog-errors.js';
import { Cql2TestTable } from './cql2-test-database.js';

const QUERYABLES: Record<string, SqlProperty> = {
  'eo:cloud_cover': { sql: 'i.cloud_cover', type: 'number' },
  platform: { sql: 'i.platform', type: 'string' },
  datetime: { sql: 'i.datetime', type: 'timestamp', endSql: 'i.end_datetime' },
  created: { sql: 'i.created', type: 'timestamp' },
  geometry: { sql: 'i.geometry', type: 'geometry', rtree: { table: 'items_rtree', key: 'i.rowid' } },
  keywords: { sql: 'i.keywords', type: 'array' },
  'sar:polarizations': { sql: `json_extract(i.doc, '$.properties."sar:polarizations"')`, type: 'json' },
};
const resolve = (name: string): SqlProperty | undefined => QUERYABLES[name];
const compile = (text: string): { sql: string; params: unknown[] } =>
  compileCql2ToSqlite(parseCql2Text(text), resolve);
const ms = (iso: string): number => Date.parse(iso);

describe('compileCql2ToSqlite', () => {
  it.each([
    ['eo:cloud_cover < 10', 'i.cloud_cover < ?', [10]],
    ['eo:cloud_cover >= 1038290-2*2^0', 'i.cloud_cover >= ?', [1038288]],
    ["platform IN ('sentinel-2a', 'sentinel-2b')", 'i.platform IN (?, ?)', ['sentinel-2a', 'sentinel-2b']],
    ["platform LIKE 'sentinel-2_'", 'i.platform GLOB ?', ['sentinel-2?']],
    ["platform LIKE 'a*b[%'", 'i.platform GLOB ?', ['a[*]b[[]*']],
    ["created > TIMESTAMP('2020-01-01T00:00:00Z')", 'i.created > ?', [ms('2020-01-01T00:00:00Z')]],
    [
      "created BETWEEN '2020-01-01' AND DATE('2020-12-31')",
      'i.created BETWEEN ? AND ?',
      [ms('2020-01-01'), ms('2020-12-31')],
    ],
    [
      'eo:cloud_cover BETWEEN 0 AND 10 AND NOT platform IS NULL',
      '(i.cloud_cover BETWEEN ? AND ? AND NOT (i.platform IS NULL))',
      [0, 10],
    ],
    ["CASEI(platform) = casei('SENTINEL-2A')", 'cql2_casei(i.platform) = ?', ['sentinel-2a']],
    [
      "T_INTERSECTS(datetime, INTERVAL('2020-01-01T00:00:00Z', '..'))",
      '(i.datetime <= ? AND i.end_datetime >= ?)',
      [Infinity, ms('2020-01-01T00:00:00Z')],
    ],
    ["T_BEFORE(created, DATE('2020-01-01'))", '(i.created < ?)', [ms('2020-01-01')]],
    [
      "T_DURING(INTERVAL(created, datetime), INTERVAL('2020-01-01', '2021-01-01'))",
      '(i.created > ? AND i.end_datetime < ?)',
      [ms('2020-01-01'), ms('2021-01-01')],
    ],
    ["T_AFTER(datetime, DATE('2020-01-01'))", '(i.datetime > ?)', [ms('2020-01-01')]],
    ["'København' LIKE 'K_benhavn'", '?', [1]],
  ])('%s', (text, sql, params) => {
    expect(compile(text)).toEqual({ sql, params });
  });

  it('puts an R*Tree prefilter before exact spatial tests (as a complement for S_DISJOINT)', () => {
    const intersects = compile('S_INTERSECTS(geometry, BBOX(55, -22, 56, -20))');
    expect(intersects.sql).toBe(
      '(i.rowid IN (SELECT id FROM items_rtree WHERE (maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ?)) AND st_intersects(i.geometry, ?))',
    );
    expect(intersects.params.slice(0, 4)).toEqual([55, 56, -22, -20]);
    expect(JSON.parse(intersects.params[4] as string).type).toBe('Polygon');
    expect(compile('S_DISJOINT(geometry, POINT(1 2))').sql).toBe(
      '(CASE WHEN i.geometry IS NULL THEN NULL WHEN i.rowid NOT IN (SELECT id FROM items_rtree WHERE (maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ?)) THEN 1 ELSE st_disjoint(i.geometry, ?) END)',
    );
    const within = compile('S_CONTAINS(POLYGON((0 0, 1 0, 1 1, 0 1, 0 0)), geometry)');
    expect(within.sql).toContain('st_within(i.geometry, ?)');
  });

  it('keeps rows without geometry unknown for S_DISJOINT and its negation, like the evaluator', () => {
    const table = new Cql2TestTable(
      [
        { id: 1, properties: { g: { type: 'Point', coordinates: [0, 0] } } },
        { id: 2, properties: { g: { type: 'Point', coordinates: [50, 50] } } },
        { id: 3, properties: { g: null } },
      ],
      { g: 'geometry' },
    );
    const disjoint = parseCql2Text('S_DISJOINT(g, BBOX(-1, -1, 1, 1))');
    const notDisjoint = parseCql2Text('NOT S_DISJOINT(g, BBOX(-1, -1, 1, 1))');
    for (const layout of ['typed', 'json'] as const) {
      expect(table.select(disjoint, layout)).toEqual([2]);
      expect(table.select(notDisjoint, layout)).toEqual([1]);
    }
  });

  it('splits a BBOX crossing the antimeridian into two prefilter boxes', () => {
    const { sql, params } = compile('S_INTERSECTS(geometry, BBOX(170, -30, -170, -10))');
    expect(sql).toContain('(maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ?) OR (maxx >= ?');
    expect(params.slice(0, 8)).toEqual([170, 180, -30, -10, -180, -170, -30, -10]);
  });

  it('compiles array operators on array and json queryables', () => {
    const { sql, params } = compile("A_CONTAINS(keywords, ('volcano', 'lava'))");
    expect(sql).toContain('json_each(?)');
    expect(params).toEqual(['["volcano","lava"]']);
    expect(compile("A_OVERLAPS(sar:polarizations, ('VV'))").sql).toContain('json_valid(');
  });

  it('reports unknown queryables and type errors', () => {
    expect(() => compile('cloud < 10')).toThrow(UnknownQueryableError);
    expect(() => compile('S_INTERSECTS(eo:cloud_cover, POINT(1 2))')).toThrow(/is a number, not a geometry/);
    expect(() => compile("eo:cloud_cover = 'ten'")).toThrow(InvalidFilterError);
    expect(() => compile("platform LIKE 'a%' AND eo:cloud_cover LIKE 'b%'")).toThrow(
      /cannot be used with LIKE/,
    );
    expect(() => compile("T_AFTER(eo:cloud_cover, DATE('2020-01-01'))")).toThrow(
      /cannot be compared with a date/,
    );
    expect(() => compile("created > 'last week'")).toThrow(/'last week' is not a date or timestamp/);
    expect(() => compile('A_CONTAINS(platform, (1))')).toThrow(/not an array/);
    expect(() => compile('eo:cloud_cover + 1')).toThrow(/must be a condition/);
    expect(() => compile('avg(eo:cloud_cover) > 1')).toThrow(/function 'avg' is not supported/);
    expect(() => compile('geometry < POINT(1 2)')).toThrow(InvalidFilterError);
  });
});

describe('SQL injection attempts', () => {
  const table = new Cql2TestTable(
    [
      { id: 1, properties: { name: "x'; DROP TABLE items; --", n: 1 } },
      { id: 2, properties: { name: 'plain', n: 2 } },
    ],
    { name: 'string', n: 'number' },
  );
  const attacks = [
    "name = 'x''; DROP TABLE items; --'",
    "name LIKE '%'' OR 1=1 --'",
    "name IN ('a'') OR (''1''=''1', 'b')",
    "CASEI(name) = casei(''') UNION SELECT sql FROM sqlite_master --')",
  ];

  it.each(attacks)('keeps %s out of the SQL text', (text) => {
    const { sql, params } = compileCql2ToSqlite(parseCql2Text(text), table.resolver('typed'));
    expect(sql).not.toMatch(/DROP|UNION|1=1|sqlite_master/i);
    expect(params.some((p) => typeof p === 'string' && /DROP|UNION|OR/i.test(p))).toBe(true);
    expect(table.select(parseCql2Text(text), 'typed').length).toBeLessThanOrEqual(1);
    expect(table.select(parseCql2Text('n > 0'), 'typed')).toEqual([1, 2]);
  });

  it('matches the stored injection text literally', () => {
    expect(table.select(parseCql2Text("name = 'x''; DROP TABLE items; --'"), 'typed')).toEqual([1]);
  });

  it('rejects property names that are not queryables, whatever they contain', () => {
    for (const name of ['name; DROP TABLE items', 'n) OR (1=1', "name' --"]) {
      expect(() => table.select(parseCql2Json({ op: '=', args: [{ property: name }, 1] }), 'typed')).toThrow(
        UnknownQueryableError,
      );
      expect(() => table.select(parseCql2Json({ op: '=', args: [{ property: name }, 1] }), 'json')).toThrow(
        UnknownQueryableError,
      );
    }
  });

  it('refuses filters with more literal values than SQLite can bind', () => {
    const list = Array.from({ length: 10_001 }, (_, i) => i);
    expect(() =>
      compileCql2ToSqlite(
        parseCql2Json({ op: 'in', args: [{ property: 'n' }, list] }),
        table.resolver('typed'),
      ),
    ).toThrow(/at most 10000 are accepted/);
  });

  it('binds numbers as parameters and refuses non-finite ones', () => {
    expect(compileCql2ToSqlite(parseCql2Text('n = 1e308'), table.resolver('typed'))).toEqual({
      sql: 'c1 = ?',
      params: [1e308],
    });
    expect(() => parseCql2Text('n = 1e999')).toThrow(/within the range of a double/);
    expect(() => parseCql2Json({ op: '=', args: [{ property: 'n' }, Number.NaN] })).toThrow(/finite/);
  });
});
