/**
 * The outcome of numberMatched counts, by search (count SQL and parameters), until the next write: the
 * pages after the first of one search repeat its count, which costs up to the whole count budget each time
 * (2 ms of the 3 a page 50 costs). A count that ran out of budget is remembered too, so the later pages
 * of that search leave numberMatched out without trying again. Any write to the items clears it, so a
 * remembered count is still exact.
 */
const CAPACITY = 1000;

export class MatchCountCache {
  private readonly counts = new Map<string, number | undefined>();

  /** `{ count }` when this search was counted since the last write (count undefined: over budget). */
  lookup(key: string): { count: number | undefined } | undefined {
    return this.counts.has(key) ? { count: this.counts.get(key) } : undefined;
  }

  remember(key: string, count: number | undefined): void {
    if (this.counts.size >= CAPACITY) this.counts.clear();
    this.counts.set(key, count);
  }

  clear(): void {
    this.counts.clear();
  }
}
