/**
 * TypeBox schemas of the catalogue routes: they validate requests, type the handlers, drive the response
 * serialisers and generate the OpenAPI document. STAC objects are open (`additionalProperties: true`), so
 * every member a record carries survives serialisation.
 */
import { Type, type TSchema } from '@sinclair/typebox';
import { MAX_GRID_BUCKET_LIMIT } from '../../catalog/search/aggregation-parser.js';

const open = { additionalProperties: true };

/** The STAC API error body (see src/api/errors.ts). */
export const ErrorSchema = Type.Object(
  {
    code: Type.String({ description: 'Stable error code, documented in docs/ERRORS.md' }),
    description: Type.String({ description: 'What is wrong and where' }),
    location: Type.Optional(Type.String()),
    details: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
  },
  { title: 'STAC API error' },
);

const LinkSchema = Type.Object(
  {
    href: Type.String(),
    rel: Type.String(),
    type: Type.Optional(Type.String()),
    title: Type.Optional(Type.String()),
    method: Type.Optional(Type.String()),
    body: Type.Optional(Type.Unknown()),
    merge: Type.Optional(Type.Boolean()),
  },
  open,
);

const Links = Type.Array(LinkSchema);

/** A STAC Item as served: open, with the members the API relies on. */
export const ItemSchema = Type.Object(
  {
    type: Type.String(),
    stac_version: Type.Optional(Type.String()),
    id: Type.Optional(Type.String()),
    collection: Type.Optional(Type.String()),
    links: Type.Optional(Links),
  },
  { ...open, description: 'STAC Item (GeoJSON Feature)' },
);

/** A page of items (GeoJSON FeatureCollection with paging links and counts). */
export const ItemCollectionSchema = Type.Object(
  {
    type: Type.Literal('FeatureCollection'),
    features: Type.Array(ItemSchema),
    links: Links,
    numberMatched: Type.Optional(Type.Integer()),
    numberReturned: Type.Integer(),
  },
  open,
);

/** A STAC Collection as served. */
export const CollectionSchema = Type.Object(
  {
    type: Type.Optional(Type.String()),
    id: Type.Optional(Type.String()),
    links: Type.Optional(Links),
  },
  { ...open, description: 'STAC Collection' },
);

/** A page of collections (`/collections`, collection search). */
export const CollectionsSchema = Type.Object(
  {
    collections: Type.Array(CollectionSchema),
    links: Links,
    numberMatched: Type.Optional(Type.Integer()),
    numberReturned: Type.Integer(),
  },
  open,
);

/** The landing page: a STAC Catalog with `conformsTo`. */
export const LandingPageSchema = Type.Object(
  {
    type: Type.Literal('Catalog'),
    stac_version: Type.String(),
    id: Type.String(),
    title: Type.Optional(Type.String()),
    description: Type.String(),
    conformsTo: Type.Array(Type.String()),
    links: Links,
  },
  open,
);

/** `/conformance`. */
export const ConformanceSchema = Type.Object({ conformsTo: Type.Array(Type.String()) });

/** A queryables document (JSON Schema). */
export const JsonSchemaDocument = Type.Object({}, { ...open, description: 'JSON Schema of the queryables' });

/** Results or list of aggregations (aggregation extension). */
export const AggregationCollectionSchema = Type.Object(
  {
    type: Type.Literal('AggregationCollection'),
    aggregations: Type.Array(Type.Object({ name: Type.String(), data_type: Type.String() }, open)),
    links: Links,
  },
  open,
);

/** Counts of a multi-item write. */
export const WriteResultSchema = Type.Object({
  inserted: Type.Integer(),
  updated: Type.Integer(),
  skipped: Type.Integer(),
});

/** Path parameters of collection routes. */
export const CollectionParams = Type.Object({ collectionId: Type.String({ minLength: 1 }) });
/** Path parameters of item routes. */
export const ItemParams = Type.Object({
  collectionId: Type.String({ minLength: 1 }),
  itemId: Type.String({ minLength: 1 }),
});

const commaList = (description: string): TSchema => Type.Optional(Type.String({ description }));

/**
 * `relevance` is a Fournaise extension of the sort extension: a per-item score of the free-text matches
 * (see src/catalog/store/sqlite/free-text-relevance.ts), stable while items are inserted so paging stays exact.
 */
const SORTBY_DESCRIPTION =
  '+field or -field, comma-separated. Fournaise extension: -relevance ranks the matches of q best first ' +
  '(more terms matched, then title > keywords > description; ties newest first); it needs q';
const Q_DESCRIPTION =
  'Free-text terms, separated by spaces or commas (ORed), "quoted phrases"; accent- and case-insensitive. ' +
  'Results follow sortby (by default items newest first, collections by id); sortby=-relevance puts the best matches first';

/** Query parameters shared by item search, `/collections/{id}/items` and aggregation. */
export const ItemSearchQuerySchema = Type.Object({
  ids: commaList('Comma-separated item ids'),
  collections: commaList('Comma-separated collection ids'),
  bbox: commaList(
    'west,south,east,north (or 6 numbers with elevations); west > east crosses the antimeridian',
  ),
  intersects: Type.Optional(Type.String({ description: 'GeoJSON geometry as JSON text' })),
  datetime: Type.Optional(Type.String({ description: 'RFC 3339 instant or interval (a/b, ../b, a/..)' })),
  limit: Type.Optional(
    Type.Integer({ minimum: 1, description: 'Page size; larger values are clamped to the maximum' }),
  ),
  token: Type.Optional(Type.String({ description: 'Paging token from a next/prev link' })),
  sortby: commaList(SORTBY_DESCRIPTION),
  fields: commaList('Fields to include (name or +name) or exclude (-name)'),
  filter: Type.Optional(Type.String({ description: 'CQL2 filter' })),
  'filter-lang': Type.Optional(Type.Union([Type.Literal('cql2-text'), Type.Literal('cql2-json')])),
  'filter-crs': Type.Optional(Type.String()),
  q: Type.Optional(Type.String({ description: Q_DESCRIPTION })),
});

/** Query parameters of collection search. */
export const CollectionSearchQuerySchema = Type.Object({
  ids: commaList('Comma-separated collection ids'),
  bbox: commaList('west,south,east,north'),
  datetime: Type.Optional(Type.String()),
  limit: Type.Optional(Type.Integer({ minimum: 1 })),
  token: Type.Optional(Type.String()),
  sortby: commaList(SORTBY_DESCRIPTION),
  fields: commaList('Fields to include or exclude'),
  filter: Type.Optional(Type.String()),
  'filter-lang': Type.Optional(Type.Union([Type.Literal('cql2-text'), Type.Literal('cql2-json')])),
  'filter-crs': Type.Optional(Type.String()),
  q: Type.Optional(Type.String({ description: Q_DESCRIPTION })),
});

const SortbyBody = Type.Array(
  Type.Object({
    field: Type.String({ description: 'A queryable, or relevance (Fournaise extension, needs q)' }),
    direction: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
  }),
);
const FieldsBody = Type.Object({
  include: Type.Optional(Type.Array(Type.String())),
  exclude: Type.Optional(Type.Array(Type.String())),
});
const FilterBody = Type.Union([Type.Object({}, open), Type.String()]);

/** POST item search body. */
export const ItemSearchBodySchema = Type.Object(
  {
    ids: Type.Optional(Type.Array(Type.String())),
    collections: Type.Optional(Type.Array(Type.String())),
    bbox: Type.Optional(Type.Array(Type.Number(), { minItems: 4, maxItems: 6 })),
    intersects: Type.Optional(
      Type.Object({ type: Type.String() }, { ...open, description: 'GeoJSON geometry' }),
    ),
    datetime: Type.Optional(Type.String()),
    limit: Type.Optional(Type.Integer({ minimum: 1 })),
    token: Type.Optional(Type.String()),
    sortby: Type.Optional(SortbyBody),
    fields: Type.Optional(FieldsBody),
    filter: Type.Optional(FilterBody),
    'filter-lang': Type.Optional(Type.Union([Type.Literal('cql2-text'), Type.Literal('cql2-json')])),
    'filter-crs': Type.Optional(Type.String()),
    q: Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())])),
  },
  open,
);

/** POST collection search body. */
export const CollectionSearchBodySchema = Type.Object(
  {
    ids: Type.Optional(Type.Array(Type.String())),
    bbox: Type.Optional(Type.Array(Type.Number(), { minItems: 4, maxItems: 6 })),
    datetime: Type.Optional(Type.String()),
    limit: Type.Optional(Type.Integer({ minimum: 1 })),
    token: Type.Optional(Type.String()),
    sortby: Type.Optional(SortbyBody),
    fields: Type.Optional(FieldsBody),
    filter: Type.Optional(FilterBody),
    'filter-lang': Type.Optional(Type.Union([Type.Literal('cql2-text'), Type.Literal('cql2-json')])),
    'filter-crs': Type.Optional(Type.String()),
    q: Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())])),
  },
  open,
);

const GridLimitSchema = Type.Integer({
  minimum: 1,
  maximum: MAX_GRID_BUCKET_LIMIT,
  description:
    'Most cells geometry_grid_frequency returns (default 10,000), those with most items; the items of the others are counted in overflow',
});

/** Aggregation parameters, added to the search parameters on `/aggregate`. */
export const AggregationQuerySchema = Type.Composite([
  ItemSearchQuerySchema,
  Type.Object({
    aggregations: commaList('Comma-separated aggregation names (see /aggregations)'),
    datetime_frequency_interval: Type.Optional(
      Type.Union([Type.Literal('day'), Type.Literal('month'), Type.Literal('year')]),
    ),
    geometry_grid_frequency_cell_size: Type.Optional(
      Type.Number({ minimum: 0, maximum: 90, description: 'Grid cell size in degrees, > 0' }),
    ),
    geometry_grid_frequency_limit: Type.Optional(GridLimitSchema),
  }),
]);

/** POST `/aggregate` body: a search body plus the aggregation parameters. */
export const AggregationBodySchema = Type.Composite(
  [
    ItemSearchBodySchema,
    Type.Object({
      aggregations: Type.Optional(Type.Array(Type.String())),
      datetime_frequency_interval: Type.Optional(
        Type.Union([Type.Literal('day'), Type.Literal('month'), Type.Literal('year')]),
      ),
      geometry_grid_frequency_cell_size: Type.Optional(
        Type.Number({ minimum: 0, maximum: 90, description: 'Grid cell size in degrees, > 0' }),
      ),
      geometry_grid_frequency_limit: Type.Optional(GridLimitSchema),
    }),
  ],
  open,
);

/** Bulk item load, as in stac-fastapi's bulk transactions extension. */
export const BulkItemsBodySchema = Type.Object({
  items: Type.Record(Type.String(), Type.Object({}, open), { description: 'Items keyed by id' }),
  method: Type.Optional(Type.Union([Type.Literal('insert'), Type.Literal('upsert')], { default: 'insert' })),
});

/** Error responses declared on every route. */
export const errorResponses = {
  400: ErrorSchema,
  404: ErrorSchema,
};
