/**
 * pgstac CQL2 search cases: for every case with a filter, the filter (pgstac spellings such as `eq`,
 * `a_contained_by` and `start/end` interval strings included) matches as many of the 100 pgstac test
 * items as pgstac reports, and contains pgstac's first page. Sorting, paging, ids and collections are
 * the store's concern and are tested with it. Source: stac-utils/pgstac (test/fixtures/cql2/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateCql2, parseCql2Json } from '../../../src/catalog/cql2/index.js';
import type { Cql2Feature } from '../../../src/catalog/cql2/index.js';
import { Cql2TestTable } from './cql2-test-database.js';

const fixtures = new URL('../../fixtures/cql2/pgstac/', import.meta.url);
const items = readFileSync(new URL('items.ndjson', fixtures), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as { id: string; collection: string; properties: Record<string, unknown> });
const expectations = JSON.parse(readFileSync(new URL('cql2-search-expectations.json', fixtures), 'utf8')) as {
  cases: { search: { filter?: unknown }; expected_ids: string[]; expected_numberMatched: number | null }[];
};

// Flatten each item so that id and collection are queryables like its properties.
const features = items.map((item, index) => ({
  id: index + 1,
  properties: { ...item.properties, id: item.id, collection: item.collection },
}));
const table = new Cql2TestTable(features, {
  id: 'string',
  collection: 'string',
  datetime: 'timestamp',
  'eo:cloud_cover': 'number',
  'naip:state': 'string',
  'naip:year': 'json',
  'proj:bbox': 'array',
});
const idOf = (row: number): string => items[row - 1].id;

const filterCases = expectations.cases.filter(
  (c) => c.search.filter !== undefined && c.expected_numberMatched !== null,
);

describe('pgstac CQL2 filter cases', () => {
  it('uses every filter case with a reported match count', () => {
    expect(filterCases).toHaveLength(20);
  });

  it.each(filterCases.map((c) => ({ ...c, name: JSON.stringify(c.search.filter) })))('$name', (c) => {
    const expr = parseCql2Json(c.search.filter);
    const evaluated = features
      .filter((f: Cql2Feature) => evaluateCql2(expr, f))
      .map((f) => items[f.id - 1].id);
    expect(evaluated).toHaveLength(c.expected_numberMatched as number);
    expect(evaluated).toEqual(expect.arrayContaining(c.expected_ids));
    for (const layout of ['typed', 'json'] as const) {
      expect(table.select(expr, layout).map(idOf).sort()).toEqual([...evaluated].sort());
    }
  });
});
