/**
 * The catalogue of item property names and JSON types seen per collection, the source of the observed part of
 * the queryables. Kept in memory (it is small: tens of names per collection) and persisted in
 * `item_properties`; only pairs never seen before cost a database write. Deleting items does not shrink it:
 * it lists what has been seen.
 */
import type Database from 'better-sqlite3';

export class ObservedProperties {
  /** collection key → property name → JSON types seen. */
  private known = new Map<number, Map<string, Set<string>>>();
  private pending: [number, string, string][] = [];
  private readonly insert: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare(
      'INSERT OR IGNORE INTO item_properties (collection_key, name, json_type) VALUES (?, ?, ?)',
    );
    this.reload();
  }

  /** Drops pending pairs and re-reads the persisted catalogue (after a rolled-back write). */
  reload(): void {
    this.pending = [];
    this.known = new Map();
    const rows = this.db.prepare('SELECT collection_key, name, json_type FROM item_properties').all() as {
      collection_key: number;
      name: string;
      json_type: string;
    }[];
    for (const row of rows) this.add(row.collection_key, row.name, row.json_type);
  }

  /** Notes the properties of one item; new pairs are written by {@link flush}. */
  record(
    collectionKey: number,
    properties: Record<string, unknown>,
    typeOf: (value: unknown) => string,
  ): void {
    let names = this.known.get(collectionKey);
    if (!names) this.known.set(collectionKey, (names = new Map()));
    for (const name in properties) {
      const type = typeOf(properties[name]);
      const types = names.get(name);
      if (types?.has(type)) continue;
      this.add(collectionKey, name, type);
      this.pending.push([collectionKey, name, type]);
    }
  }

  /** Persists the pairs recorded since the last flush; call inside the write transaction. */
  flush(): void {
    for (const pair of this.pending) this.insert.run(...pair);
    this.pending = [];
  }

  /** Forgets a deleted collection. */
  forget(collectionKey: number): void {
    this.known.delete(collectionKey);
  }

  /** Property names → JSON types seen, for the given collections (all when undefined). */
  typesOf(collectionKeys?: number[]): Map<string, Set<string>> {
    const merged = new Map<string, Set<string>>();
    for (const key of collectionKeys ?? this.known.keys()) {
      for (const [name, types] of this.known.get(key) ?? []) {
        const into = merged.get(name) ?? new Set<string>();
        types.forEach((t) => into.add(t));
        merged.set(name, into);
      }
    }
    return merged;
  }

  /** Whether any collection has an item with this property. */
  has(name: string): boolean {
    for (const names of this.known.values()) if (names.has(name)) return true;
    return false;
  }

  private add(collectionKey: number, name: string, type: string): void {
    let names = this.known.get(collectionKey);
    if (!names) this.known.set(collectionKey, (names = new Map()));
    let types = names.get(name);
    if (!types) names.set(name, (types = new Set()));
    types.add(type);
  }
}
