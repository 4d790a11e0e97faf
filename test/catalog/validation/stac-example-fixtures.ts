/**
 * The STAC examples of test/fixtures/stac-examples (copies of shared/testdata/stac-examples, see its SOURCES.md),
 * read into objects, with what validation must say about each file. Used by the validator tests and by the
 * API round-trip test.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const STAC_EXAMPLES_DIR = fileURLToPath(new URL('../../fixtures/stac-examples/', import.meta.url));

/** One JSON object of an example file; `index` is its position in an array, ItemCollection or NDJSON file. */
export interface StacExample {
  file: string;
  index: number;
  object: Record<string, unknown>;
}

/** An error that validation must report: exact JSON pointer, message matched by a pattern. */
export interface ExpectedError {
  path: string;
  message: RegExp;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const notAnIri = (value: string) => new RegExp(`must be an absolute IRI .*got "${escapeRegExp(value)}"`);
const legacyNames = (...names: string[]) =>
  names.map((name, index) => ({ path: `/stac_extensions/${index}`, message: notAnIri(name) }));
const relativeSelf = (href: string) => ({ path: '/links/0/href', message: notAnIri(href) });
const collectionWithoutLink = {
  path: '/collection',
  message: /must not be set unless a link has rel "collection"/,
};

/**
 * Files whose objects are all invalid, with the errors each object must have (and no error at another path).
 * Every other example file must be valid.
 */
export const INVALID_EXAMPLES: Record<string, ExpectedError[]> = {
  // Legacy short extension name "eo" instead of the schema URL.
  'extensions/item-assets-v1.0.0/example-landsat8.json': [
    { path: '/stac_extensions/1', message: notAnIri('eo') },
  ],
  // STAC 1.0.0-beta.2 collections had no "type" member; it is required since 1.0.0.
  'real-world/pgstac-testdata/collections.json': [
    { path: '', message: /must have required property 'type'/ },
  ],
  'real-world/pgstac-testdata/collections.ndjson': [
    { path: '', message: /must have required property 'type'/ },
  ],
  // Legacy short names, and "collection" set without a rel=collection link (required by the 1.0.0 item schema).
  'real-world/pgstac-testdata/items.ndjson': [...legacyNames('eo', 'projection'), collectionWithoutLink],
  'real-world/stac-fastapi-pgstac/joplin/collection.json': [
    { path: '/type', message: /must be "Collection", got "collection"/ },
  ],
  'real-world/stac-fastapi-pgstac/joplin/index.geojson': [collectionWithoutLink],
  // stac-server fixtures: legacy short extension names, and relative "self" links (STAC 1.1 requires absolute).
  'real-world/stac-server/LC80100102015050LGN00.json': [
    ...legacyNames('eo', 'projection', 'view'),
    relativeSelf('LC80100102015050LGN00.json'),
  ],
  'real-world/stac-server/LC80100102015082LGN00.json': [
    ...legacyNames('eo', 'projection', 'view'),
    relativeSelf('LC80100102015082LGN00.json'),
  ],
  'real-world/stac-server/collection2_item.json': [
    ...legacyNames('eo', 'projection', 'view'),
    relativeSelf('collection2_item.json'),
  ],
  'real-world/stac-server/catalog.json': [...legacyNames('eo', 'landsat'), relativeSelf('catalog.json')],
  'real-world/stac-server/collection.json': [relativeSelf('collection.json')],
  'real-world/stac-server/collection2.json': [relativeSelf('collection2.json')],
  'real-world/stac-server/landsat-8-l1-collection.json': [relativeSelf('collection.json')],
  // Invalid on purpose: a "Polygon" whose coordinates are nested like a MultiPolygon.
  'real-world/stac-server/badGeometryItem.json': [
    { path: '/geometry/coordinates/0', message: /must NOT have fewer than 4 items/ },
    { path: '/geometry/coordinates/1', message: /must NOT have fewer than 4 items/ },
    { path: '/geometry/coordinates/0/0/0', message: /must be number, got \[-180,73\.00696964504284\]/ },
    { path: '/geometry/coordinates/0/0/1', message: /must be number/ },
    { path: '/geometry/coordinates/0/0/2', message: /must be number.*\(and 33 more like this/ },
    ...legacyNames('eo', 'landsat'),
    relativeSelf('badGeometryItem.json'),
  ],
};

/**
 * Files that are not STAC objects: bare GeoJSON geometries and a plain GeoJSON Feature (stac-server's geometry
 * validation and intersects-search fixtures). geometry-checks.test.ts checks the geometries themselves.
 */
export const NON_STAC_EXAMPLES = new Set([
  'real-world/stac-server/geometry/badGeoDuplicateConsecutive.json',
  'real-world/stac-server/geometry/badGeoFourPoints.json',
  'real-world/stac-server/geometry/badGeoFourPointsMultiPolygon.json',
  'real-world/stac-server/geometry/badGeoRightHandRule.json',
  'real-world/stac-server/geometry/badGeoRightHandRule2.json',
  'real-world/stac-server/geometry/badGeoUnclosed.json',
  'real-world/stac-server/geometry/polygonWoundCCW.json',
  'real-world/stac-server/intersectsFeature.json',
  'real-world/stac-server/intersectsGeometry.json',
  'real-world/stac-server/noIntersectsGeometry.json',
]);

/** Every example file (path relative to the examples folder, `/`-separated), sorted. */
export function listExampleFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
    );
  return walk(STAC_EXAMPLES_DIR)
    .filter((file) => /\.(json|ndjson|geojson)$/.test(file))
    .map((file) => relative(STAC_EXAMPLES_DIR, file).split(sep).join('/'))
    .sort();
}

/** The JSON objects of one example file: one per NDJSON line, array element or ItemCollection feature. */
export function readExampleObjects(file: string): StacExample[] {
  const text = readFileSync(join(STAC_EXAMPLES_DIR, file), 'utf8');
  const parsed: unknown[] = file.endsWith('.ndjson')
    ? text
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as unknown)
    : [JSON.parse(text) as unknown];
  const objects = parsed.flatMap((value) => {
    if (Array.isArray(value)) return value as unknown[];
    const record = value as Record<string, unknown>;
    return record.type === 'FeatureCollection' ? (record.features as unknown[]) : [value];
  });
  return objects.map((object, index) => ({ file, index, object: object as Record<string, unknown> }));
}
