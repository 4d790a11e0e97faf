/** Mosaic registrations: ids from the search, kept in a folder that several processes (or restarts) share. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MosaicRegistry } from '../../src/raster/render/mosaic-registry.js';

describe('MosaicRegistry', () => {
  let folder: string | undefined;
  afterEach(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('gives the same id to the same search whatever the key order', () => {
    const registry = new MosaicRegistry();
    const a = registry.register({ collections: ['s2'], filter: { op: '<', args: [{ property: 'x' }, 1] } });
    const b = registry.register({ filter: { args: [{ property: 'x' }, 1], op: '<' }, collections: ['s2'] });
    expect(a.id).toMatch(/^[0-9a-f]{24}$/);
    expect(b).toEqual(a);
    expect(registry.register({ collections: ['l8'] }).id).not.toBe(a.id);
  });

  it('knows the mosaics another registry on the same folder registered, as cluster workers do', () => {
    folder = mkdtempSync(join(tmpdir(), 'fournaise-mosaics-'));
    const first = new MosaicRegistry(10, folder);
    const second = new MosaicRegistry(10, folder);
    const mosaic = first.register({ collections: ['theia-l3a-reunion-monthly'], sortby: '-datetime' });
    expect(second.get(mosaic.id)).toEqual(mosaic);
    // Registering it again elsewhere keeps the first definition (and its creation time).
    expect(second.register({ sortby: '-datetime', collections: ['theia-l3a-reunion-monthly'] })).toEqual(
      mosaic,
    );
    expect(readdirSync(folder)).toEqual([`${mosaic.id}.json`]);
  });

  it('answers an unknown id, or one that is not an id, as not found', () => {
    folder = mkdtempSync(join(tmpdir(), 'fournaise-mosaics-'));
    const registry = new MosaicRegistry(10, folder);
    expect(() => registry.get('0123456789abcdef01234567')).toThrow(/no mosaic/);
    expect(() => registry.get('../../etc/passwd')).toThrow(/no mosaic/);
  });

  it('forgets the least recently used mosaics beyond its capacity when it has no folder', () => {
    const registry = new MosaicRegistry(2);
    const a = registry.register({ ids: ['a'] });
    const b = registry.register({ ids: ['b'] });
    registry.get(a.id);
    registry.register({ ids: ['c'] });
    expect(registry.get(a.id)).toEqual(a);
    expect(() => registry.get(b.id)).toThrow(/no mosaic/);
  });
});
