/**
 * A least-recently-used map of byte blocks bounded by total size, shared by many sources so that memory stays
 * bounded however many rasters are open. `Map` keeps insertion order, so re-inserting on hit makes the first key
 * the least recently used.
 */
export class BlockCache {
  private readonly blocks = new Map<string, ArrayBuffer>();
  private bytes = 0;

  /** @param maxBytes upper bound of the bytes kept (default 64 MiB). */
  constructor(readonly maxBytes = 64 * 1024 * 1024) {}

  /** Bytes currently held. */
  get size(): number {
    return this.bytes;
  }

  get(key: string): ArrayBuffer | undefined {
    const block = this.blocks.get(key);
    if (block) {
      this.blocks.delete(key);
      this.blocks.set(key, block);
    }
    return block;
  }

  set(key: string, block: ArrayBuffer): void {
    const previous = this.blocks.get(key);
    if (previous) {
      this.bytes -= previous.byteLength;
      this.blocks.delete(key);
    }
    if (block.byteLength > this.maxBytes) return;
    this.blocks.set(key, block);
    this.bytes += block.byteLength;
    for (const [oldest, value] of this.blocks) {
      if (this.bytes <= this.maxBytes) break;
      this.blocks.delete(oldest);
      this.bytes -= value.byteLength;
    }
  }
}
