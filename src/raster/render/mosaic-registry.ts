import { createHash } from 'node:crypto';
import { RasterError } from '../raster-errors.js';

/** A registered mosaic: a STAC search whose matching items are drawn together. */
export interface MosaicDefinition {
  id: string;
  search: Record<string, unknown>;
  created: string;
}

/**
 * Registered mosaics, in memory. The id is a hash of the search's canonical JSON, so registering the same
 * search twice gives the same id (and survives nothing: a restart forgets them). At most `capacity` mosaics
 * are kept, the least recently used forgotten first.
 */
export class MosaicRegistry {
  private readonly mosaics = new Map<string, MosaicDefinition>();

  constructor(private readonly capacity = 10_000) {}

  /** Registers a search and returns its mosaic. */
  register(search: Record<string, unknown>): MosaicDefinition {
    const id = createHash('sha256').update(canonicalJson(search)).digest('hex').slice(0, 24);
    const existing = this.mosaics.get(id);
    const mosaic = existing ?? { id, search, created: new Date().toISOString() };
    this.mosaics.delete(id);
    this.mosaics.set(id, mosaic);
    for (const oldest of this.mosaics.keys()) {
      if (this.mosaics.size <= this.capacity) break;
      this.mosaics.delete(oldest);
    }
    return mosaic;
  }

  /**
   * The mosaic of an id.
   * @throws RasterError `RASTER_ASSET_NOT_FOUND` when unknown.
   */
  get(id: string): MosaicDefinition {
    const mosaic = this.mosaics.get(id);
    if (!mosaic)
      throw new RasterError(
        'RASTER_ASSET_NOT_FOUND',
        `no mosaic "${id.slice(0, 100)}": register its search first`,
        'mosaicId',
      );
    this.mosaics.delete(id);
    this.mosaics.set(id, mosaic);
    return mosaic;
  }
}

/** JSON with object keys sorted at every level. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([key, v]) => `${JSON.stringify(key)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
