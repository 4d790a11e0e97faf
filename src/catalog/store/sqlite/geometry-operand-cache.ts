/**
 * A small least-recently-used cache keyed by geometry text, so that a search comparing a million rows
 * with one query geometry parses and prepares that geometry once.
 */
export class GeometryOperandCache<T> {
  private readonly entries = new Map<string, T>();
  private lastKey: string | undefined;
  private lastValue: T | undefined;

  constructor(private readonly capacity: number) {}

  /** Returns the cached value for `key`, creating (and possibly evicting the oldest) when absent. */
  getOrCreate(key: string, create: () => T): T {
    // A search calls with the same key for every row: answer that case without touching the map.
    if (key === this.lastKey) return this.lastValue as T;
    const value = this.lookup(key, create);
    this.lastKey = key;
    this.lastValue = value;
    return value;
  }

  private lookup(key: string, create: () => T): T {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // Re-insert to mark as most recently used (Map keeps insertion order).
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = create();
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, value);
    return value;
  }
}
