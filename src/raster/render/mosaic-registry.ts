import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RasterError } from '../raster-errors.js';

/** A registered mosaic: a STAC search whose matching items are drawn together. */
export interface MosaicDefinition {
  id: string;
  search: Record<string, unknown>;
  created: string;
}

/**
 * Registered mosaics. The id is a hash of the search's canonical JSON, so registering the same search twice
 * gives the same id. At most `capacity` mosaics are kept in memory, the least recently used forgotten first.
 * With a `folder`, each mosaic is also written there as `<id>.json`, and an id not in memory is looked up
 * there: mosaics then survive restarts, and every process of a server cluster knows the mosaics any of them
 * registered (a client registers through one process and fetches tiles through others).
 */
export class MosaicRegistry {
  private readonly mosaics = new Map<string, MosaicDefinition>();

  constructor(
    private readonly capacity = 10_000,
    private readonly folder?: string,
  ) {
    if (folder) mkdirSync(folder, { recursive: true });
  }

  /** Registers a search and returns its mosaic. */
  register(search: Record<string, unknown>): MosaicDefinition {
    const id = createHash('sha256').update(canonicalJson(search)).digest('hex').slice(0, 24);
    const existing = this.mosaics.get(id);
    const mosaic = existing ?? this.stored(id) ?? { id, search, created: new Date().toISOString() };
    if (!existing && this.folder) {
      // Written whole then renamed, so another process never reads half a definition.
      const path = join(this.folder, `${id}.json`);
      writeFileSync(`${path}.${process.pid}.tmp`, JSON.stringify(mosaic));
      renameSync(`${path}.${process.pid}.tmp`, path);
    }
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
    const mosaic = this.mosaics.get(id) ?? this.stored(id);
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

  /** The mosaic written in the folder under an id; ids are checked first, so no path can be formed. */
  private stored(id: string): MosaicDefinition | undefined {
    if (!this.folder || !/^[0-9a-f]{24}$/.test(id)) return undefined;
    try {
      return JSON.parse(readFileSync(join(this.folder, `${id}.json`), 'utf8')) as MosaicDefinition;
    } catch {
      return undefined;
    }
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
