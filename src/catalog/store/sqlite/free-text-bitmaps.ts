/**
 * Bitmaps of the items matching common free-text terms, for searches whose terms match too many items to
 * collect and sort them all. A search walks its sort index and tests each row against the bitmaps with the
 * `item_matches_text(item_key, match)` SQL function, so a page of a common term costs a few dozen rows.
 *
 * One bitmap per FTS5 term (one bit per item key: 125 kB per million items) is built on first use and kept
 * in a small LRU; every write to the items clears them, since they are only valid for the data they were
 * built from.
 */
import type Database from 'better-sqlite3';

const CAPACITY = 64;

export class FreeTextBitmaps {
  /** FTS5 term → bitmap, in least-recently-used order. */
  private readonly byTerm = new Map<string, Uint8Array>();
  /** The bitmaps of each registered match (a list of terms ORed). */
  private readonly byMatch = new Map<string, Uint8Array[]>();
  private readonly matchingKeys: Database.Statement;
  private readonly maxKey: Database.Statement;
  /** FTS5 token → number of items holding it, for query planning. */
  private readonly documentCounts = new Map<string, number>();
  private readonly vocabularyCount: Database.Statement;

  constructor(db: Database.Database) {
    this.matchingKeys = db.prepare('SELECT rowid FROM item_fts WHERE item_fts MATCH ?').pluck();
    this.maxKey = db.prepare('SELECT coalesce(max(item_key), 0) FROM items').pluck();
    this.vocabularyCount = db.prepare('SELECT doc FROM item_fts_vocab WHERE term = ?').pluck();
    const bitmaps = this.byMatch;
    db.function('item_matches_text', { deterministic: false }, (key: unknown, match: unknown) => {
      const sets = bitmaps.get(match as string);
      if (!sets) throw new Error('item_matches_text: free-text match used before it was prepared');
      const k = key as number;
      for (const bits of sets) if ((bits[k >> 3] ?? 0) & (1 << (k & 7))) return 1;
      return 0;
    });
  }

  /**
   * Prepares the bitmaps of a match (its FTS5 terms, each a quoted string) and returns the key to pass as
   * the function's second argument. Must run before the statement that uses it, not inside it.
   */
  prepare(terms: string[]): string {
    const match = terms.join(' OR ');
    this.byMatch.set(
      match,
      terms.map((term) => this.bitmap(term)),
    );
    if (this.byMatch.size > CAPACITY) this.byMatch.delete(this.byMatch.keys().next().value as string);
    return match;
  }

  /**
   * How many items hold an FTS5 token. fts5vocab counts them by reading the token's whole document list
   * (4 ms for a common token at a million items), so counts are kept until the next write.
   */
  documentCount(token: string): number {
    let count = this.documentCounts.get(token);
    if (count === undefined) {
      count = (this.vocabularyCount.get(token) as number | undefined) ?? 0;
      if (this.documentCounts.size >= CAPACITY * 16) this.documentCounts.clear();
      this.documentCounts.set(token, count);
    }
    return count;
  }

  /** Forgets every bitmap and count (after any write to the items). */
  clear(): void {
    this.byTerm.clear();
    this.byMatch.clear();
    this.documentCounts.clear();
  }

  private bitmap(term: string): Uint8Array {
    let bits = this.byTerm.get(term);
    if (bits) {
      this.byTerm.delete(term);
    } else {
      bits = new Uint8Array(((this.maxKey.get() as number) >> 3) + 1);
      for (const key of this.matchingKeys.all(term) as number[]) bits[key >> 3] |= 1 << (key & 7);
      if (this.byTerm.size >= CAPACITY) this.byTerm.delete(this.byTerm.keys().next().value as string);
    }
    this.byTerm.set(term, bits);
    return bits;
  }
}
