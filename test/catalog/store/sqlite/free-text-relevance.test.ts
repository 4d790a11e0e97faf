/**
 * The SQLite store's relevance scores follow every write, its own and another connection's: the match
 * bitmaps they come from are rebuilt, so a new or changed item is ranked by its current text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StacItem } from '../../../../src/catalog/model/stac-types.js';
import type { SortField } from '../../../../src/catalog/search/item-search.js';
import type { SqliteCatalogStore } from '../../../../src/catalog/store/sqlite/sqlite-catalog-store.js';
import { clone, COLLECTIONS, S2, S2_ITEMS } from '../../../conformance/fixtures.js';
import { openTwoConnections, type TwoConnections } from '../two-connections.js';

const RELEVANCE: SortField[] = [{ field: 'relevance', direction: 'desc' }];

/** An old S2 scene without keywords whose title holds `title`. */
const scene = (id: string, title: string): StacItem => {
  const item = clone(S2_ITEMS[1]);
  return { ...item, id, properties: { ...item.properties, title, datetime: '2020-01-01T00:00:00Z' } };
};

describe('SQLite relevance scores after writes', () => {
  let connections: TwoConnections;
  let reader: SqliteCatalogStore;
  let writer: SqliteCatalogStore;
  const best = async (q: string) =>
    (await reader.search({ q, sortby: RELEVANCE, limit: 3 })).items.map((item) => item.id);

  beforeAll(async () => {
    connections = await openTwoConnections('relevance');
    ({ reader, writer } = connections);
  });
  afterAll(() => connections.close());

  it('ranks an item written by this connection by its new text', async () => {
    // Warm the bitmaps of "lagoon" (keywords of every fourth scene) before the write.
    expect(await best('lagoon')).toEqual(['s2-24', 's2-20', 's2-16']);
    await reader.writeItems([scene('lagoon-title', 'Lagoon of Saint-Gilles')], 'insert');
    expect((await best('lagoon'))[0]).toBe('lagoon-title');
    // Rewritten without the word in its title, it falls back behind the keyword matches.
    await reader.writeItems([scene('lagoon-title', 'Reef of Saint-Gilles')], 'upsert');
    expect(await best('lagoon')).toEqual(['s2-24', 's2-20', 's2-16']);
  });

  it('ranks an item written by another connection by its text', async () => {
    expect(await best('coral')).toEqual(['s2-24', 's2-16', 's2-08']);
    await writer.writeItems([scene('coral-title', 'Coral garden')], 'insert');
    expect((await best('coral'))[0]).toBe('coral-title');
    expect((await reader.search({ q: 'coral', sortby: RELEVANCE, limit: 10 })).items).toHaveLength(5);
  });

  it('ranks collections by their rewritten text', async () => {
    const ranked = async () =>
      (
        await reader.searchCollections({ q: 'mosaic reflectance', sortby: RELEVANCE, limit: 5 })
      ).collections.map((collection) => collection.id);
    // The Fiji collection has "mosaic" in its title, the S2 one "reflectance" in keywords and description.
    expect(await ranked()).toEqual(['fiji-mosaic', S2]);
    await writer.putCollection(
      { ...clone(COLLECTIONS[0]), title: 'Sentinel-2 reflectance mosaic' },
      'upsert',
    );
    expect(await ranked()).toEqual([S2, 'fiji-mosaic']);
  });
});
