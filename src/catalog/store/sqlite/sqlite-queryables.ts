/**
 * Queryables of the SQLite store: how each queryable name maps to SQL (for the CQL2 compiler, sorting and
 * aggregations) and the JSON Schema the STAC API filter extension serves.
 * See https://github.com/stac-api-extensions/filter#queryables
 */
import type { QueryablesSchema } from '../catalog-store.js';
import type { SqlProperty, SqlPropertyResolver, SqlValueType } from './sql-property.js';
import type { ObservedProperties } from './observed-properties.js';

interface CoreQueryable {
  property: SqlProperty;
  schema: Record<string, unknown>;
}

const dateTime = (title: string, description: string) => ({
  title,
  description,
  type: 'string',
  format: 'date-time',
});

/** SQL of the item geometry; a correlated lookup so that plain searches never join the documents. */
export const ITEM_GEOMETRY_SQL = '(SELECT geometry FROM item_docs WHERE item_key = i.item_key)';

/** Queryables of every item, backed by typed columns of `items` (alias `i`). */
const CORE_ITEM_QUERYABLES: Record<string, CoreQueryable> = {
  id: { property: { sql: 'i.id', type: 'string' }, schema: { title: 'Item ID', type: 'string' } },
  collection: {
    property: { sql: 'i.collection', type: 'string' },
    schema: { title: 'Collection ID', type: 'string' },
  },
  datetime: {
    property: { sql: 'i.dt_start', type: 'timestamp', endSql: 'i.dt_end' },
    schema: dateTime(
      'Date and time',
      'Acquisition instant, or the range start_datetime..end_datetime of the item',
    ),
  },
  start_datetime: {
    property: { sql: 'i.dt_start', type: 'timestamp' },
    schema: dateTime('Start', 'First instant of the item (its datetime for an instant)'),
  },
  end_datetime: {
    property: { sql: 'i.dt_end', type: 'timestamp' },
    schema: dateTime('End', 'Last instant of the item (its datetime for an instant)'),
  },
  geometry: {
    property: {
      sql: ITEM_GEOMETRY_SQL,
      type: 'geometry',
      rtree: { table: 'item_rtree_key', key: 'i.item_key' },
    },
    schema: { title: 'Footprint', $ref: 'https://geojson.org/schema/Geometry.json' },
  },
  'eo:cloud_cover': {
    property: { sql: 'i.cloud_cover', type: 'number' },
    schema: {
      title: 'Cloud cover',
      description: 'Percentage of the scene covered by clouds',
      type: 'number',
      minimum: 0,
      maximum: 100,
    },
  },
  platform: {
    property: { sql: 'i.platform', type: 'string' },
    schema: { title: 'Platform', description: 'Satellite or aircraft name', type: 'string' },
  },
  constellation: {
    property: { sql: 'i.constellation', type: 'string' },
    schema: { title: 'Constellation', type: 'string' },
  },
  instruments: {
    property: { sql: 'i.instruments', type: 'array' },
    schema: { title: 'Instruments', type: 'array', items: { type: 'string' } },
  },
  gsd: {
    property: { sql: 'i.gsd', type: 'number' },
    schema: { title: 'Ground sample distance (m)', type: 'number', exclusiveMinimum: 0 },
  },
  created: {
    property: { sql: 'i.created', type: 'timestamp' },
    schema: dateTime('Created', 'When the metadata was created'),
  },
  updated: {
    property: { sql: 'i.updated', type: 'timestamp' },
    schema: dateTime('Updated', 'When the metadata was last updated'),
  },
  'view:off_nadir': {
    property: { sql: 'i.off_nadir', type: 'number' },
    schema: { title: 'Off-nadir angle (degrees)', type: 'number', minimum: 0, maximum: 90 },
  },
  'sat:relative_orbit': {
    property: { sql: 'i.relative_orbit', type: 'number' },
    schema: { title: 'Relative orbit', type: 'integer', minimum: 1 },
  },
  // Keywords and provider names are the item's own, else its collection's: the same rule the keyword and
  // provider aggregations count by, so a facet's count is what filtering on it returns.
  keywords: {
    property: {
      sql: '(COALESCE(i.keywords, (SELECT c.keywords FROM collections c WHERE c.collection_key = i.collection_key)))',
      type: 'array',
    },
    schema: {
      title: 'Keywords',
      description: "The item's keywords, or its collection's when it has none",
      type: 'array',
      items: { type: 'string' },
    },
  },
  providers: {
    property: {
      sql: '(COALESCE(i.providers, (SELECT c.providers FROM collections c WHERE c.collection_key = i.collection_key)))',
      type: 'array',
    },
    schema: {
      title: 'Provider names',
      description: "Names of the item's providers, or of its collection's when it has none",
      type: 'array',
      items: { type: 'string' },
    },
  },
  title: { property: { sql: 'i.title', type: 'string' }, schema: { title: 'Title', type: 'string' } },
};

/** Whether a property name can be embedded in a JSON path literal without escaping trouble. */
const isPlainName = (name: string) =>
  name.length > 0 && ![...name].some((c) => c === '"' || c === "'" || c === '\\' || c.charCodeAt(0) < 32);

function sqlTypeOf(jsonTypes: Set<string>): SqlValueType {
  const types = new Set([...jsonTypes].filter((t) => t !== 'null'));
  if (types.size === 0) return 'json';
  if ([...types].every((t) => t === 'integer' || t === 'number')) return 'number';
  if (types.size > 1) return 'json';
  const [only] = types;
  return only === 'string' || only === 'boolean' || only === 'array' ? only : 'json';
}

/**
 * The item resolver: core queryables from typed columns, other observed properties through `json_extract`
 * over the document (slower: not indexed). Names never seen in any item resolve to undefined.
 */
export function createItemResolver(observed: ObservedProperties): SqlPropertyResolver {
  return (name) => {
    const core = CORE_ITEM_QUERYABLES[name];
    if (core) return core.property;
    if (!isPlainName(name) || !observed.has(name)) return undefined;
    return {
      sql: `(SELECT json_extract(doc, '$.properties."${name}"') FROM item_docs WHERE item_key = i.item_key)`,
      type: sqlTypeOf(observed.typesOf().get(name) ?? new Set()),
    };
  };
}

/** Earliest and latest instants stored for open temporal extents, so overlap tests need no NULL cases. */
export const OPEN_START_MS = -62_135_596_800_000;
export const OPEN_END_MS = 253_402_300_799_999;

const CORE_COLLECTION_QUERYABLES: Record<string, SqlProperty> = {
  id: { sql: 'c.id', type: 'string' },
  title: { sql: "json_extract(c.doc, '$.title')", type: 'string' },
  description: { sql: "json_extract(c.doc, '$.description')", type: 'string' },
  license: { sql: "json_extract(c.doc, '$.license')", type: 'string' },
  keywords: { sql: 'c.keywords', type: 'array' },
  providers: { sql: 'c.providers', type: 'array' },
  datetime: { sql: 'c.start_ms', type: 'timestamp', endSql: 'c.end_ms' },
  start_datetime: { sql: 'c.start_ms', type: 'timestamp' },
  end_datetime: { sql: 'c.end_ms', type: 'timestamp' },
  geometry: { sql: 'c.extent_geometry', type: 'geometry' },
};

/** The collection resolver (collection search `filter`): identity, text fields, keywords, extents. */
export const resolveCollectionProperty: SqlPropertyResolver = (name) => CORE_COLLECTION_QUERYABLES[name];

function observedSchema(types: Set<string>): Record<string, unknown> {
  const list = [...types].filter((t) => t !== 'null');
  const schemaTypes = list.includes('number') ? list.filter((t) => t !== 'integer') : list;
  if (schemaTypes.length === 0) return { description: 'Seen only with null values' };
  return { type: schemaTypes.length === 1 ? schemaTypes[0] : schemaTypes };
}

/**
 * The queryables JSON Schema: the core STAC queryables plus every property observed in the items of the
 * given collections (all collections when undefined), typed by the JSON types seen.
 */
export function buildQueryablesSchema(
  observed: ObservedProperties,
  collectionKeys: number[] | undefined,
  title: string,
): QueryablesSchema {
  const properties: Record<string, unknown> = {};
  for (const [name, core] of Object.entries(CORE_ITEM_QUERYABLES)) properties[name] = core.schema;
  const seen = [...observed.typesOf(collectionKeys)].sort(([a], [b]) => a.localeCompare(b));
  for (const [name, types] of seen) {
    if (!(name in properties) && isPlainName(name))
      properties[name] = { title: name, ...observedSchema(types) };
  }
  return {
    $schema: 'https://json-schema.org/draft/2019-09/schema',
    type: 'object',
    title,
    properties,
    additionalProperties: false,
  };
}
