import { describe, expect, it } from 'vitest';
import { validateStac } from '../../../src/catalog/validation/stac-validator.js';
import {
  INVALID_EXAMPLES,
  NON_STAC_EXAMPLES,
  listExampleFiles,
  readExampleObjects,
} from './stac-example-fixtures.js';

const SIMPLE_ITEM = readExampleObjects('stac-spec-v1.1.0/simple-item.json')[0].object;
const COLLECTION = readExampleObjects('stac-spec-v1.1.0/collection.json')[0].object;
const ITEM_SCHEMA_1_1 = 'https://schemas.stacspec.org/v1.1.0/item-spec/json-schema/item.json';
const EO_2_0 = 'https://stac-extensions.github.io/eo/v2.0.0/schema.json';

/** A deep copy of the simple STAC 1.1 item with some members replaced. */
function itemWith(changes: Record<string, unknown>): Record<string, unknown> {
  return { ...structuredClone(SIMPLE_ITEM), ...changes };
}

describe('validateStac on every STAC example (test/fixtures/stac-examples)', () => {
  const files = listExampleFiles().filter((file) => !NON_STAC_EXAMPLES.has(file));

  it('covers every example file and every expectation', () => {
    expect(files.length).toBeGreaterThan(50);
    for (const file of Object.keys(INVALID_EXAMPLES)) expect(files).toContain(file);
  });

  for (const file of files.filter((name) => !(name in INVALID_EXAMPLES))) {
    it(`accepts ${file}`, () => {
      for (const { index, object } of readExampleObjects(file)) {
        const report = validateStac(object);
        expect(report.errors, `${file}#${index}`).toEqual([]);
        expect(report.valid).toBe(true);
        expect(report.type).toBe(object.type);
      }
    });
  }

  for (const [file, expected] of Object.entries(INVALID_EXAMPLES)) {
    it(`rejects ${file} with its specific errors`, () => {
      const allowedPaths = new Set(expected.map((error) => error.path));
      for (const { index, object } of readExampleObjects(file)) {
        const report = validateStac(object);
        expect(report.valid, `${file}#${index}`).toBe(false);
        for (const error of expected) {
          const found = report.errors.find(
            (actual) => actual.path === error.path && error.message.test(actual.message),
          );
          expect(
            found,
            `${file}#${index}: ${error.path} ${error.message} in ${JSON.stringify(report.errors)}`,
          ).toBeDefined();
          expect(found?.schema).toMatch(/^https:\/\/schemas\.stacspec\.org\/v1\.[01]\.0\//);
        }
        for (const actual of report.errors)
          expect(allowedPaths, `${file}#${index} unexpected error`).toContain(actual.path);
      }
    });
  }
});

describe('validateStac: warnings on real examples', () => {
  it('accepts the official examples whose bbox cuts off part of the footprint, with a warning', () => {
    for (const file of [
      'stac-spec-v1.1.0/extensions-collection/proj-example/proj-example.json',
      'extensions/sat-v1.2.0/example-landsat8.json',
      'extensions/timestamps-v1.1.0/item.json',
    ]) {
      const report = validateStac(readExampleObjects(file)[0].object);
      expect(report.valid, file).toBe(true);
      expect(report.warnings, file).toEqual([
        {
          path: '/bbox',
          message:
            'does not contain the whole geometry: position [149.1755, 61.19016] is outside [148.13933, 59.51584, 152.52758, 60.63437]',
        },
      ]);
    }
  });

  it('accepts clockwise footprints (Planetary Computer Sentinel-2) with a right-hand-rule warning', () => {
    for (const { object } of readExampleObjects(
      'real-world/planetary-computer/items/sentinel-2-l2a-pc.json',
    )) {
      const report = validateStac(object);
      expect(report.valid).toBe(true);
      expect(report.warnings?.map((warning) => warning.path)).toEqual(['/geometry/coordinates/0']);
    }
  });
});

describe('validateStac: extensions', () => {
  it('accepts an item declaring an extension whose schema is not bundled, and reports it', () => {
    const unknown = 'https://example.org/stac/made-up-extension/v9.9.9/schema.json';
    const report = validateStac(itemWith({ stac_extensions: [unknown], 'madeup:level': 3 }));
    expect(report).toMatchObject({ valid: true, errors: [], unknownExtensions: [unknown] });
  });

  it('reports unbundled extensions of real examples (remote-data, storage, USGS landsat)', () => {
    const unknownOf = (file: string) => validateStac(readExampleObjects(file)[0].object).unknownExtensions;
    expect(unknownOf('stac-spec-v1.1.0/extended-item.json')).toEqual([
      'https://stac-extensions.github.io/remote-data/v1.0.0/schema.json',
    ]);
    expect(unknownOf('real-world/stac-server/item-s1-1.json')).toEqual([
      'https://stac-extensions.github.io/storage/v1.0.0/schema.json',
    ]);
    expect(unknownOf('real-world/stac-fastapi-pgstac/test2_item.json')).toEqual([
      'https://landsat.usgs.gov/stac/landsat-extension/v1.1.1/schema.json',
    ]);
  });

  it('validates a bundled extension and names its schema in the error', () => {
    const item = itemWith({ stac_extensions: [EO_2_0] });
    (item.properties as Record<string, unknown>)['eo:cloud_cover'] = 150;
    const report = validateStac(item);
    expect(report.valid).toBe(false);
    expect(report.errors).toContainEqual({
      path: '/properties/eo:cloud_cover',
      message: 'must be <= 100',
      schema: EO_2_0,
    });
  });

  it('validates extensions declared with a trailing # or http:// against the same bundled schema', () => {
    const item = itemWith({ stac_extensions: ['http://stac-extensions.github.io/view/v1.1.0/schema.json#'] });
    (item.properties as Record<string, unknown>)['view:off_nadir'] = 'steep';
    const report = validateStac(item);
    expect(report.unknownExtensions).toEqual([]);
    expect(report.errors.some((error) => error.path === '/properties/view:off_nadir')).toBe(true);
  });
});

describe('validateStac: versions, types and bad input', () => {
  it('rejects an unsupported stac_version without schema noise', () => {
    const report = validateStac(itemWith({ stac_version: '0.9.0' }));
    expect(report.valid).toBe(false);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0].path).toBe('/stac_version');
    expect(report.errors[0].message).toMatch(/unsupported stac_version "0\.9\.0"/);
  });

  it('validates a pre-release against its release schema', () => {
    expect(validateStac(itemWith({ stac_version: '1.1.0-beta.1' })).valid).toBe(true);
    const report = validateStac(itemWith({ stac_version: '1.1.0-beta.1', id: 42 }));
    expect(report.errors).toContainEqual({
      path: '/id',
      message: 'must be string, got 42',
      schema: ITEM_SCHEMA_1_1,
    });
  });

  it('never throws on input that is not an object', () => {
    for (const input of [null, undefined, 42, 'Feature', [SIMPLE_ITEM]]) {
      const report = validateStac(input);
      expect(report.valid).toBe(false);
      expect(report.errors[0].path).toBe('');
    }
  });

  it('rejects an unknown type and detects a Collection whose type is missing', () => {
    expect(validateStac(itemWith({ type: 'Polygon' })).errors).toEqual([
      { path: '/type', message: 'must be "Feature", "Collection" or "Catalog", got "Polygon"' },
    ]);
    const untyped: Record<string, unknown> = structuredClone(COLLECTION);
    delete untyped.type;
    const report = validateStac(untyped);
    expect(report.type).toBe('Collection');
    expect(report.errors.map((error) => error.message)).toContain("must have required property 'type'");
  });
});

describe('validateStac: readable, deduplicated errors', () => {
  it('reports a misspelt geometry type once, listing the allowed types', () => {
    const report = validateStac(itemWith({ geometry: { type: 'Polgon', coordinates: [] } }));
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0].path).toBe('/geometry/type');
    expect(report.errors[0].message).toMatch(/^must be one of "Point", "LineString", "Polygon"/);
  });

  it('reports a too-short ring once instead of one error per geometry type', () => {
    const geometry = {
      type: 'Polygon',
      coordinates: [
        [
          [1, 1],
          [2, 2],
          [1, 1],
        ],
      ],
    };
    const report = validateStac(itemWith({ geometry, bbox: [1, 1, 2, 2] }));
    expect(report.errors).toEqual([
      {
        path: '/geometry/coordinates/0',
        message: 'must NOT have fewer than 4 items',
        schema: ITEM_SCHEMA_1_1,
      },
    ]);
  });

  it('explains a bad datetime with the offending value', () => {
    const item = itemWith({});
    (item.properties as Record<string, unknown>).datetime = '2020-13-01 10:00';
    const messages = validateStac(item).errors.filter((error) => error.path === '/properties/datetime');
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.some((error) => /RFC 3339 date-time.*got "2020-13-01 10:00"/.test(error.message))).toBe(
      true,
    );
  });

  it('names a missing required member', () => {
    const item = itemWith({});
    delete item.id;
    expect(validateStac(item).errors).toEqual([
      { path: '', message: "must have required property 'id'", schema: ITEM_SCHEMA_1_1 },
    ]);
  });
});

describe('validateStac: checks beyond the schemas', () => {
  const square = [
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ],
  ];

  it('rejects a self-intersecting (bow-tie) footprint', () => {
    const geometry = {
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
    const report = validateStac(itemWith({ geometry, bbox: [0, 0, 1, 1] }));
    expect(report.errors).toEqual([
      { path: '/geometry/coordinates/0', message: 'ring intersects itself at or near [0.5, 0.5]' },
    ]);
  });

  it('rejects a bbox that does not overlap the geometry (latitude and longitude swapped)', () => {
    const geometry = {
      type: 'Polygon',
      coordinates: [
        [
          [55.2, -21.4],
          [55.9, -21.4],
          [55.9, -20.8],
          [55.2, -20.8],
          [55.2, -21.4],
        ],
      ],
    };
    const report = validateStac(itemWith({ geometry, bbox: [-21.4, 55.2, -20.8, 55.9] }));
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({
      path: '/bbox',
      message: expect.stringMatching(/does not overlap the geometry/),
    });
  });

  it('warns, without rejecting, about a bbox that cuts off part of the geometry and a clockwise ring', () => {
    const clockwise = [
      [
        [0, 0],
        [0, 1],
        [1, 1],
        [1, 0],
        [0, 0],
      ],
    ];
    const report = validateStac(
      itemWith({ geometry: { type: 'Polygon', coordinates: clockwise }, bbox: [0, 0, 1, 0.5] }),
    );
    expect(report.valid).toBe(true);
    expect(report.warnings?.map((warning) => warning.path)).toEqual(['/geometry/coordinates/0', '/bbox']);
  });

  it('accepts a bbox crossing the antimeridian around a split footprint', () => {
    const geometry = {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [179, 0],
            [180, 0],
            [180, 1],
            [179, 1],
            [179, 0],
          ],
        ],
        [
          [
            [-180, 0],
            [-179, 0],
            [-179, 1],
            [-180, 1],
            [-180, 0],
          ],
        ],
      ],
    };
    const report = validateStac(itemWith({ geometry, bbox: [179, 0, -179, 1] }));
    expect(report).toMatchObject({ valid: true, warnings: [] });
  });

  it('rejects end_datetime before start_datetime', () => {
    const item = itemWith({ geometry: { type: 'Polygon', coordinates: square }, bbox: [0, 0, 1, 1] });
    Object.assign(item.properties as object, {
      start_datetime: '2024-05-02T00:00:00Z',
      end_datetime: '2024-05-01T00:00:00Z',
    });
    expect(validateStac(item).errors).toEqual([
      { path: '/properties/end_datetime', message: expect.stringMatching(/is before start_datetime/) },
    ]);
  });

  it('rejects a collection extent with a reversed interval or an inverted bbox', () => {
    const collection = structuredClone(COLLECTION) as Record<string, unknown>;
    collection.extent = {
      spatial: { bbox: [[55.2, -20.8, 55.9, -21.4]] },
      temporal: { interval: [['2024-01-01T00:00:00Z', '2023-01-01T00:00:00Z']] },
    };
    expect(validateStac(collection).errors.map((error) => error.path)).toEqual([
      '/extent/spatial/bbox/0',
      '/extent/temporal/interval/0',
    ]);
  });
});
