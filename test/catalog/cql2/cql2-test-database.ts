/**
 * Builds small in-memory SQLite tables of GeoJSON features for the CQL2 compiler tests, in two layouts:
 * `typed` (one typed column per queryable, timestamps as epoch milliseconds, geometry as GeoJSON text
 * with an R*Tree) as the catalogue store does, and `json` (every property read with json_extract).
 */
import Database from 'better-sqlite3';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { registerSqliteFunctions } from '../../../src/catalog/store/sqlite/sqlite-functions.js';
import { compileCql2ToSqlite } from '../../../src/catalog/store/sqlite/cql2-sqlite-compiler.js';
import type { SqlProperty, SqlValueType } from '../../../src/catalog/store/sqlite/sql-property.js';
import type { Cql2Expression } from '../../../src/catalog/cql2/index.js';
import { cql2InstantToMillis } from '../../../src/catalog/cql2/cql2-temporal.js';
import { envelopeOf } from '../../../src/catalog/cql2/cql2-spatial.js';
import type { Geometry } from 'geojson';

export interface TestFeature {
  id: number;
  geometry?: Geometry | null;
  properties: Record<string, unknown>;
}

export class Cql2TestTable {
  readonly db: SqliteDatabase;
  private readonly resolvers: Record<'typed' | 'json', (name: string) => SqlProperty | undefined>;

  /**
   * @param types queryable name → SQL type; the geometry queryable is read from `feature.geometry`
   * when `geometryName` is given, otherwise from the property of type 'geometry'.
   */
  constructor(
    features: TestFeature[],
    private readonly types: Record<string, SqlValueType>,
    geometryName?: string,
  ) {
    this.db = new Database(':memory:');
    registerSqliteFunctions(this.db);
    const names = Object.keys(types);
    const column = (i: number): string => `c${i}`;
    const sqlType = (t: SqlValueType): string =>
      ({ number: 'REAL', boolean: 'INTEGER', timestamp: 'INTEGER' })[t as 'number'] ?? 'TEXT';
    this.db.exec(
      `CREATE TABLE items (id INTEGER PRIMARY KEY, doc TEXT NOT NULL${names.map((n, i) => `, ${column(i)} ${sqlType(types[n])}`).join('')})`,
    );
    this.db.exec('CREATE VIRTUAL TABLE items_rtree USING rtree(id, minx, maxx, miny, maxy)');
    names.forEach((n, i) => {
      if (['number', 'string', 'timestamp', 'boolean'].includes(types[n]))
        this.db.exec(`CREATE INDEX items_${column(i)} ON items(${column(i)})`);
    });
    const insert = this.db.prepare(`INSERT INTO items VALUES (?, ?${names.map(() => ', ?').join('')})`);
    const insertBox = this.db.prepare('INSERT INTO items_rtree VALUES (?, ?, ?, ?, ?)');
    const valueOf = (feature: TestFeature, name: string): unknown =>
      name === geometryName ? feature.geometry : feature.properties[name];
    this.db.transaction(() => {
      for (const feature of features) {
        const doc = { ...feature.properties, ...(geometryName ? { [geometryName]: feature.geometry } : {}) };
        const values = names.map((n) => toColumn(valueOf(feature, n), types[n]));
        insert.run(feature.id, JSON.stringify(doc), ...values);
        const geometry = names
          .map((n) => (types[n] === 'geometry' ? valueOf(feature, n) : undefined))
          .find((g) => g);
        if (geometry) {
          const [minx, miny, maxx, maxy] = envelopeOf(geometry as Geometry);
          insertBox.run(feature.id, minx, maxx, miny, maxy);
        }
      }
    })();
    const jsonPath = (n: string): string => `json_extract(doc, '$."${n.replace(/"/g, '""')}"')`;
    this.resolvers = {
      typed: (n) => {
        const i = names.indexOf(n);
        if (i < 0) return undefined;
        const rtree = types[n] === 'geometry' ? { table: 'items_rtree', key: 'id' } : undefined;
        return { sql: column(i), type: types[n], ...(rtree ? { rtree } : {}) };
      },
      json: (n) => {
        if (!names.includes(n)) return undefined;
        return { sql: jsonPath(n), type: types[n] === 'geometry' ? 'geometry' : 'json' };
      },
    };
  }

  /** Ids of the rows selected by the compiled filter, ascending. */
  select(expr: Cql2Expression, layout: 'typed' | 'json'): number[] {
    const { sql, params } = compileCql2ToSqlite(expr, this.resolvers[layout]);
    const rows = this.db.prepare(`SELECT id FROM items WHERE ${sql} ORDER BY id`).all(...params) as {
      id: number;
    }[];
    return rows.map((r) => r.id);
  }

  resolver(layout: 'typed' | 'json'): (name: string) => SqlProperty | undefined {
    return this.resolvers[layout];
  }
}

function toColumn(value: unknown, type: SqlValueType): unknown {
  if (value === undefined || value === null) return null;
  switch (type) {
    case 'timestamp':
      return cql2InstantToMillis(String(value)) ?? null;
    case 'boolean':
      return value ? 1 : 0;
    case 'json':
      // What json_extract would return: booleans as 1/0, objects and arrays as JSON text.
      if (typeof value === 'boolean') return value ? 1 : 0;
      return typeof value === 'object' ? JSON.stringify(value) : value;
    case 'geometry':
    case 'array':
      return JSON.stringify(value);
    default:
      return value;
  }
}
