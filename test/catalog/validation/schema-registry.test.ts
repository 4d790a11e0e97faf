import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  getCompiledSchema,
  isBundledSchema,
  listBundledSchemas,
  normalizeSchemaUrl,
} from '../../../src/catalog/validation/schema-registry.js';
import { validateStac } from '../../../src/catalog/validation/stac-validator.js';
import { readExampleObjects } from './stac-example-fixtures.js';

const SOURCES = readFileSync(new URL('../../../schemas/SOURCES.md', import.meta.url), 'utf8');

describe('bundled schema registry', () => {
  it('bundles STAC 1.1 and 1.0 core, every extension version and PROJJSON, each listed in schemas/SOURCES.md', () => {
    const urls = listBundledSchemas();
    expect(urls).toHaveLength(49);
    for (const required of [
      'https://schemas.stacspec.org/v1.1.0/item-spec/json-schema/item.json',
      'https://schemas.stacspec.org/v1.0.0/collection-spec/json-schema/collection.json',
      'https://stac-extensions.github.io/eo/v2.0.0/schema.json',
      'https://stac-extensions.github.io/projection/v2.0.0/schema.json',
      'https://stac-extensions.github.io/raster/v2.0.0/schema.json',
      'https://stac-extensions.github.io/sat/v1.2.0/schema.json',
      'https://stac-extensions.github.io/view/v1.1.0/schema.json',
      'https://stac-extensions.github.io/processing/v1.2.0/schema.json',
      'https://stac-extensions.github.io/scientific/v1.0.0/schema.json',
      'https://stac-extensions.github.io/file/v2.1.0/schema.json',
      'https://stac-extensions.github.io/timestamps/v1.1.0/schema.json',
      'https://stac-extensions.github.io/item-assets/v1.0.0/schema.json',
      'https://stac-extensions.github.io/classification/v1.0.0/schema.json',
      'https://stac-extensions.github.io/sar/v1.1.0/schema.json',
      'https://stac-extensions.github.io/table/v1.2.0/schema.json',
      'https://proj.org/schemas/v0.7/projjson.schema.json',
    ]) {
      expect(urls).toContain(required);
    }
    for (const url of urls) expect(SOURCES, url).toContain(`| ${url} |`);
  });

  it('compiles every bundled schema offline (all $refs resolve to bundled files)', () => {
    for (const url of listBundledSchemas()) {
      const compiled = getCompiledSchema(url);
      expect(compiled && 'validate' in compiled, `${url}: ${JSON.stringify(compiled)}`).toBe(true);
    }
  });

  it('normalises scheme and empty fragment, and knows nothing of other URLs', () => {
    expect(normalizeSchemaUrl('http://stac-extensions.github.io/eo/v1.1.0/schema.json#')).toBe(
      'https://stac-extensions.github.io/eo/v1.1.0/schema.json',
    );
    expect(isBundledSchema('https://stac-extensions.github.io/storage/v1.0.0/schema.json')).toBe(false);
    expect(getCompiledSchema('https://example.org/schema.json')).toBeUndefined();
  });

  it('registers processing v1.1.0 under its published URL although its $id says v1.0.0', () => {
    expect(isBundledSchema('https://stac-extensions.github.io/processing/v1.1.0/schema.json')).toBe(true);
    expect(isBundledSchema('https://stac-extensions.github.io/processing/v1.0.0/schema.json')).toBe(false);
    const item = structuredClone(readExampleObjects('real-world/stac-server/item-s1-1.json')[0].object);
    expect(item.stac_extensions).toContain('https://stac-extensions.github.io/processing/v1.1.0/schema.json');
    (item.properties as Record<string, unknown>)['processing:level'] = 1;
    expect(validateStac(item).errors).toContainEqual({
      path: '/properties/processing:level',
      message: 'must be string, got 1',
      schema: 'https://stac-extensions.github.io/processing/v1.1.0/schema.json',
    });
  });

  it('resolves STAC 1.1 common.json by its published name although its $id says "commonjson"', () => {
    const item = structuredClone(readExampleObjects('stac-spec-v1.1.0/core-item.json')[0].object);
    (item.properties as Record<string, unknown>).title = 7;
    expect(validateStac(item).errors.map((error) => error.path)).toContain('/properties/title');
  });
});
