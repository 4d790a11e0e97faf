/**
 * Cancelling a demo build: the raster contribution runs part of its generators on a worker thread, which must
 * stop with the build (no file written after the build has rejected), and the build stays marked incomplete
 * so that the next start redoes it.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteCatalogStore } from '../../src/catalog/store/sqlite/sqlite-catalog-store.js';
import { buildDemoCentre, isDemoBuildNeeded } from '../../src/demo/demo-builder.js';
import { DEMO_HOOK_TIMEOUT_MS } from '../support/demo-template.js';

const dir = await mkdtemp(join(tmpdir(), 'fournaise-demo-abort-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

async function countFiles(root: string): Promise<number> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).length;
}

describe('a cancelled demo build', () => {
  it(
    'rejects with the reason, writes nothing more on either thread, and stays marked incomplete',
    async () => {
      const dataDir = join(dir, 'data');
      const catalog = openSqliteCatalogStore({ dataDir });
      const abort = new AbortController();
      const build = buildDemoCentre({
        catalog,
        dataDir,
        signal: abort.signal,
        // Cancelled once a few raster files are written, while both threads are generating.
        onProgress: (event) => {
          if (event.contribution === 'raster' && event.done >= 4)
            abort.abort(new Error('cancelled by the test'));
        },
      });
      await expect(build).rejects.toThrow('cancelled by the test');
      await catalog.close();
      const written = await countFiles(join(dataDir, 'assets'));
      expect(written).toBeGreaterThanOrEqual(4);
      await sleep(2000);
      expect(await countFiles(join(dataDir, 'assets'))).toBe(written);
      expect(await isDemoBuildNeeded(dataDir)).toBe(true);
    },
    DEMO_HOOK_TIMEOUT_MS,
  );
});
