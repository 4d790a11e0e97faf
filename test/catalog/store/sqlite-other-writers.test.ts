/**
 * Two connections to one catalogue file, as in a cluster of server processes (or `fournaise ingest`
 * writing to a served data directory): what one writes, the other's searches, aggregations and queryables
 * see, although each keeps summaries and caches in memory.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StacItem } from '../../../src/catalog/model/stac-types.js';
import type { SqliteCatalogStore } from '../../../src/catalog/store/sqlite/sqlite-catalog-store.js';
import { clone, S2, S2_ITEMS } from '../../conformance/fixtures.js';
import { openTwoConnections, type TwoConnections } from './two-connections.js';

/** An item spanning ten years, longer than any item the reader has seen. */
const DECADE: StacItem = {
  ...clone(S2_ITEMS[0]),
  id: 'decade',
  properties: {
    datetime: null,
    start_datetime: '2010-01-01T00:00:00Z',
    end_datetime: '2020-01-01T00:00:00Z',
    'decade:flag': true,
  },
};

const propertyNames = (schema: { properties?: unknown }): string[] =>
  Object.keys((schema.properties ?? {}) as Record<string, unknown>);

describe('SQLite store with another writer on the same file', () => {
  let connections: TwoConnections;
  let reader: SqliteCatalogStore;
  let writer: SqliteCatalogStore;

  beforeAll(async () => {
    connections = await openTwoConnections('writers');
    ({ reader, writer } = connections);
  });
  afterAll(() => connections.close());

  it('sees the items, durations, properties and counts the other connection commits', async () => {
    const window = { start: Date.parse('2015-01-01T00:00:00Z'), end: Date.parse('2016-01-01T00:00:00Z') };
    const total = [{ name: 'total_count', kind: 'total_count' as const }];
    // Warm the reader's caches before the other connection writes.
    expect((await reader.search({ datetime: window, limit: 10 })).items).toEqual([]);
    expect(await reader.aggregate({ collections: [S2], limit: 10 }, total)).toMatchObject([{ value: 28 }]);
    expect(propertyNames(await reader.queryables(S2))).not.toContain('decade:flag');

    await writer.writeItems([clone(DECADE)], 'insert');

    // The datetime scan bound follows the longest duration, which only the writer measured.
    const found = await reader.search({ datetime: window, limit: 10 });
    expect(found.items.map((item) => item.id)).toEqual(['decade']);
    expect(await reader.aggregate({ collections: [S2], limit: 10 }, total)).toMatchObject([{ value: 29 }]);
    expect(propertyNames(await reader.queryables(S2))).toContain('decade:flag');
  });
});
