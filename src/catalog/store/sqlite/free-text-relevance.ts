/**
 * Relevance ranking of free-text matches (`sortby=-relevance`, a Fournaise extension of the STAC API sort
 * extension), for items and collections.
 *
 * Why not FTS5's bm25: bm25 weighs a match by corpus-wide statistics (how many documents hold the term,
 * their average length), which change whenever any item is written. A keyset token holding a bm25 value
 * would then point into a reordered list, and paging would skip or repeat items, breaking the paging
 * guarantee of the catalogue. Here a row's score depends only on its own text and the query, so inserting
 * or deleting other rows never moves it:
 *
 *   score = (query terms matched in any field) × M + Σ over terms of the weights of the fields they match
 *
 * with the weights below (title > keywords > description) and M larger than any possible weight sum, so an
 * item matching more terms always comes first and, among those, field weights decide. Ties are broken by
 * the rest of the sort (newest first for items), then a unique key, as for every keyset-paged order.
 *
 * Field matches come from the FTS5 index itself (one `{column} : "term"` query per field and term), kept as
 * one bitmap per match over row keys, so scoring a row is a few bit tests in a SQL function and the
 * matched words are exactly those the free-text filter matched. Bitmaps are rebuilt after any write to the
 * database (`total_changes()` on this connection, `PRAGMA data_version` for other connections).
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { InvalidSearchError } from '../../catalog-errors.js';
import type { SortField } from '../../search/item-search.js';
import { toFtsTerms } from './fts-query.js';
import type { OrderTerm } from './keyset-paging.js';

/** The sortby field name that orders by relevance. */
export const RELEVANCE_FIELD = 'relevance';

/** A relevance sort ranks at most this many terms (each costs one bitmap per field). */
export const MAX_RANKED_TERMS = 16;

/** Where a term may match and what a match there is worth. `key` picks the row key the bitmap is over. */
interface WeightedField {
  table: 'item_fts' | 'collection_fts';
  columns: string;
  weight: number;
  key: 'item' | 'collection';
}

/** Items: their own title, keywords, description and id, and the title/keywords of their collection. */
const ITEM_FIELDS: WeightedField[] = [
  { table: 'item_fts', columns: 'title', weight: 4, key: 'item' },
  { table: 'item_fts', columns: 'keywords', weight: 2, key: 'item' },
  { table: 'item_fts', columns: 'description', weight: 1, key: 'item' },
  { table: 'item_fts', columns: 'id', weight: 1, key: 'item' },
  { table: 'collection_fts', columns: 'title keywords', weight: 1, key: 'collection' },
];

const COLLECTION_FIELDS: WeightedField[] = [
  { table: 'collection_fts', columns: 'title', weight: 4, key: 'collection' },
  { table: 'collection_fts', columns: 'keywords', weight: 2, key: 'collection' },
  { table: 'collection_fts', columns: 'description', weight: 1, key: 'collection' },
  { table: 'collection_fts', columns: 'id providers', weight: 1, key: 'collection' },
];

/** Bitmaps kept across searches (125 kB each per million rows), least recently used evicted first. */
const BITMAP_CAPACITY = 128;
/** Scorers kept for statements about to run; a search prepares its own right before running. */
const SCORER_CAPACITY = 8;

const hasBit = (bits: Uint8Array, key: number): boolean => ((bits[key >> 3] ?? 0) & (1 << (key & 7))) !== 0;

/** The score of one row for one query: per term, the bitmaps of its fields and their weights. */
class RelevanceScorer {
  private readonly multiplier: number;

  constructor(private readonly terms: { bits: Uint8Array; weight: number; key: 'item' | 'collection' }[][]) {
    const fieldsWeight = terms[0]?.reduce((sum, field) => sum + field.weight, 0) ?? 0;
    this.multiplier = terms.length * fieldsWeight + 1;
  }

  score(itemKey: number, collectionKey: number): number {
    let matched = 0;
    let weights = 0;
    for (const fields of this.terms) {
      let termWeight = 0;
      for (const field of fields) {
        if (hasBit(field.bits, field.key === 'item' ? itemKey : collectionKey)) termWeight += field.weight;
      }
      if (termWeight > 0) matched++;
      weights += termWeight;
    }
    return matched * this.multiplier + weights;
  }
}

/** Prepares relevance scores of free-text searches and the SQL functions that read them. */
export class FreeTextRelevance {
  private readonly bitmaps = new Map<string, Uint8Array>();
  private readonly scorers = new Map<string, RelevanceScorer>();
  private readonly changes: Database.Statement;
  private readonly dataVersion: Database.Statement;
  private readonly maxKey: Record<WeightedField['key'], Database.Statement>;
  private readonly matches: Record<WeightedField['table'], Database.Statement>;
  private stamp = '';

  constructor(db: Database.Database) {
    this.changes = db.prepare('SELECT total_changes()').pluck();
    this.dataVersion = db.prepare('PRAGMA data_version').pluck();
    this.maxKey = {
      item: db.prepare('SELECT coalesce(max(item_key), 0) FROM items').pluck(),
      collection: db.prepare('SELECT coalesce(max(collection_key), 0) FROM collections').pluck(),
    };
    this.matches = {
      item_fts: db.prepare('SELECT rowid FROM item_fts WHERE item_fts MATCH ?').pluck(),
      collection_fts: db.prepare('SELECT rowid FROM collection_fts WHERE collection_fts MATCH ?').pluck(),
    };
    const scorerOf = (id: unknown): RelevanceScorer => {
      const scorer = this.scorers.get(id as string);
      if (!scorer) throw new Error('free-text relevance used before it was prepared');
      return scorer;
    };
    db.function('item_text_score', { deterministic: false }, (item, collection, id) =>
      scorerOf(id).score(item as number, collection as number),
    );
    db.function('collection_text_score', { deterministic: false }, (collection, id) =>
      scorerOf(id).score(collection as number, collection as number),
    );
  }

  /**
   * The SQL expression of the relevance of an item (`items i`) for `q`, prepared for the statement about to
   * run. Throws InvalidSearchError at `location` (the sortby entry) when there is no `q`, at `q` when it
   * holds no word or more than {@link MAX_RANKED_TERMS} terms.
   */
  itemScoreSql(q: string | undefined, location: string): string {
    return `item_text_score(i.item_key, i.collection_key, '${this.prepare(q, ITEM_FIELDS, location)}')`;
  }

  /** The SQL expression of the relevance of a collection (`collections c`) for `q`; as {@link itemScoreSql}. */
  collectionScoreSql(q: string | undefined, location: string): string {
    return `collection_text_score(c.collection_key, '${this.prepare(q, COLLECTION_FIELDS, location)}')`;
  }

  /**
   * Builds the scorer of `q` over `fields` and returns its id: a hash of the query, so no user text enters
   * the SQL, and a paging token (signed with the SQL) cannot be replayed with another `q`.
   */
  private prepare(q: string | undefined, fields: WeightedField[], location: string): string {
    if (q === undefined || q.trim() === '') {
      throw new InvalidSearchError('sorting by relevance needs free-text terms in q', location);
    }
    const terms = toFtsTerms(q);
    if (terms.length > MAX_RANKED_TERMS) {
      throw new InvalidSearchError(
        `sorting by relevance ranks at most ${MAX_RANKED_TERMS} terms, q has ${terms.length}`,
        'q',
      );
    }
    this.forgetIfWritten();
    const id = createHash('sha256')
      .update(JSON.stringify([fields === ITEM_FIELDS ? 'items' : 'collections', terms]))
      .digest('hex')
      .slice(0, 24);
    const scorer = new RelevanceScorer(
      terms.map((term) =>
        fields.map((field) => ({
          bits: this.bitmap(field, `{${field.columns}} : ${term}`),
          weight: field.weight,
          key: field.key,
        })),
      ),
    );
    this.scorers.delete(id);
    this.scorers.set(id, scorer);
    if (this.scorers.size > SCORER_CAPACITY) this.scorers.delete(this.scorers.keys().next().value as string);
    return id;
  }

  /** Forgets the bitmaps when anything was written since they were built. */
  private forgetIfWritten(): void {
    const stamp = `${String(this.dataVersion.get())}:${String(this.changes.get())}`;
    if (stamp !== this.stamp) {
      this.bitmaps.clear();
      this.stamp = stamp;
    }
  }

  /** The bitmap of the row keys of `field.table` matching an FTS5 expression. */
  private bitmap(field: WeightedField, match: string): Uint8Array {
    const cacheKey = `${field.table}\n${match}`;
    let bits = this.bitmaps.get(cacheKey);
    if (bits) {
      this.bitmaps.delete(cacheKey);
    } else {
      bits = new Uint8Array(((this.maxKey[field.key].get() as number) >> 3) + 1);
      for (const key of this.matches[field.table].all(match) as number[]) bits[key >> 3] |= 1 << (key & 7);
      if (this.bitmaps.size >= BITMAP_CAPACITY)
        this.bitmaps.delete(this.bitmaps.keys().next().value as string);
    }
    this.bitmaps.set(cacheKey, bits);
    return bits;
  }
}

/** Whether a sort asks for relevance (anywhere in its fields). */
export const sortsByRelevance = (sortby: SortField[] | undefined): boolean =>
  sortby?.some((field) => field.field === RELEVANCE_FIELD) ?? false;

/** The order term of a relevance sort field, given its score expression. Relevance is never NULL. */
export const relevanceOrderTerm = (field: SortField, scoreSql: string): OrderTerm => ({
  sql: scoreSql,
  direction: field.direction,
  notNull: true,
});

const perConnection = new WeakMap<Database.Database, FreeTextRelevance>();

/** The relevance scorer of a connection: one per connection, since it registers SQL functions on it. */
export function freeTextRelevanceOf(db: Database.Database): FreeTextRelevance {
  let relevance = perConnection.get(db);
  if (!relevance) perConnection.set(db, (relevance = new FreeTextRelevance(db)));
  return relevance;
}
