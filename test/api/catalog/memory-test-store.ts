/**
 * A minimal in-memory CatalogStore for API tests that need capabilities the SQLite store always has on
 * (e.g. a read-only catalogue) or a store that fails. It honours ids, collections, limit and an offset
 * token only; search semantics are tested against the real store.
 */
import {
  CollectionExistsError,
  CollectionNotFoundError,
  ItemNotFoundError,
} from '../../../src/catalog/catalog-errors.js';
import type { StacCollection, StacItem } from '../../../src/catalog/model/stac-types.js';
import type { CollectionSearch, ItemSearch } from '../../../src/catalog/search/item-search.js';
import type {
  CatalogStore,
  CollectionPage,
  ItemPage,
  StoreCapabilities,
  WriteMode,
  WriteResult,
} from '../../../src/catalog/store/catalog-store.js';

export class MemoryTestStore implements CatalogStore {
  readonly collections = new Map<string, StacCollection>();
  readonly items = new Map<string, StacItem>();

  constructor(readonly capabilities: StoreCapabilities) {}

  async getCollection(id: string): Promise<StacCollection | undefined> {
    return this.collections.get(id);
  }

  async searchCollections(query: CollectionSearch): Promise<CollectionPage> {
    const all = [...this.collections.values()].filter((c) => !query.ids || query.ids.includes(c.id));
    return page(all, query.limit, query.token, (collections, next) => ({
      collections,
      next,
      numberMatched: all.length,
    }));
  }

  async putCollection(collection: StacCollection, mode: WriteMode): Promise<WriteResult> {
    const exists = this.collections.has(collection.id);
    if (exists && mode === 'insert') throw new CollectionExistsError(collection.id);
    this.collections.set(collection.id, collection);
    return { inserted: exists ? 0 : 1, updated: exists ? 1 : 0, skipped: 0 };
  }

  async deleteCollection(id: string): Promise<void> {
    if (!this.collections.delete(id)) throw new CollectionNotFoundError(id);
  }

  async getItem(collectionId: string, itemId: string): Promise<StacItem | undefined> {
    return this.items.get(`${collectionId}/${itemId}`);
  }

  async search(query: ItemSearch): Promise<ItemPage> {
    const all = [...this.items.values()].filter(
      (i) =>
        (!query.ids || query.ids.includes(i.id)) &&
        (!query.collections || query.collections.includes(i.collection ?? '')),
    );
    return page(all, query.limit, query.token, (items, next) => ({ items, next, numberMatched: all.length }));
  }

  async writeItems(items: StacItem[], mode: WriteMode): Promise<WriteResult> {
    const result = { inserted: 0, updated: 0, skipped: 0 };
    for (const item of items) {
      if (!this.collections.has(item.collection ?? ''))
        throw new CollectionNotFoundError(item.collection ?? '');
      const key = `${item.collection}/${item.id}`;
      if (this.items.has(key) && mode !== 'upsert') {
        result.skipped++;
        continue;
      }
      result[this.items.has(key) ? 'updated' : 'inserted']++;
      this.items.set(key, item);
    }
    return result;
  }

  async deleteItem(collectionId: string, itemId: string): Promise<void> {
    if (!this.items.delete(`${collectionId}/${itemId}`)) throw new ItemNotFoundError(collectionId, itemId);
  }

  async aggregate(): Promise<never> {
    throw new Error('aggregation is not implemented by the memory test store');
  }

  async queryables(): Promise<Record<string, unknown>> {
    return { properties: {} };
  }

  async close(): Promise<void> {}
}

function page<T, P>(
  all: T[],
  limit: number,
  token: string | undefined,
  make: (slice: T[], next?: string) => P,
): P {
  const offset = token === undefined ? 0 : Number(token);
  const slice = all.slice(offset, offset + limit);
  return make(slice, offset + limit < all.length ? String(offset + limit) : undefined);
}
