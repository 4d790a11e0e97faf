/**
 * The JavaScript shipped for the search page stays under 350 KB gzipped (issue 5): the entry chunk and every
 * chunk it imports, as listed in Vite's build manifest.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensurePortalBuilt, WEB_ROOT } from './portal-fixture.js';

interface ManifestEntry {
  file: string;
  imports?: string[];
}

const BUDGET_BYTES = 350 * 1024;

describe('portal bundle', () => {
  beforeAll(() => ensurePortalBuilt(), 120_000);

  it('ships under 350 KB of gzipped JavaScript for the search page', () => {
    const manifest = JSON.parse(readFileSync(join(WEB_ROOT, '.vite', 'manifest.json'), 'utf8')) as Record<
      string,
      ManifestEntry
    >;
    const files = new Set<string>();
    const collect = (key: string): void => {
      const entry = manifest[key];
      if (!entry || files.has(entry.file)) return;
      files.add(entry.file);
      for (const imported of entry.imports ?? []) collect(imported);
    };
    collect('index.html');
    expect(files.size).toBeGreaterThan(0);
    const gzipped = [...files].reduce(
      (sum, file) => sum + gzipSync(readFileSync(join(WEB_ROOT, file))).length,
      0,
    );
    expect(gzipped).toBeLessThan(BUDGET_BYTES);
  });
});
