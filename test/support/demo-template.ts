/**
 * One build of the La Réunion demo centre per test run, copied for each test file that needs one. A build
 * writes 163 COGs (20 s on a fast machine, minutes on a slow, busy one), and test files run in separate
 * processes: the first to ask builds it in the run's scratch folder while holding a lock folder, the others
 * wait for its `ready` file. The demo's determinism is tested apart (test/demo/catalog-demo.test.ts builds
 * one afresh and compares it with this one).
 */
import { cp, mkdir, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import { openSqliteCatalogStore } from '../../src/catalog/store/sqlite/sqlite-catalog-store.js';
import { buildDemoCentre } from '../../src/demo/demo-builder.js';

/** Timeout of a hook or test that builds a demo centre or waits for the shared build. */
export const DEMO_HOOK_TIMEOUT_MS = 900_000;

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function buildTemplate(root: string, dataDir: string): Promise<void> {
  try {
    const catalog = openSqliteCatalogStore({ dataDir });
    try {
      await buildDemoCentre({ catalog, dataDir });
    } finally {
      await catalog.close();
    }
    await writeFile(join(root, 'ready'), '');
  } catch (error) {
    await writeFile(join(root, 'failed'), String((error as Error).stack ?? error));
    throw error;
  }
}

/** The folder of the run's demo build, built by whichever test file asks first. */
export async function demoTemplateDir(): Promise<string> {
  const root = join(inject('runScratchDir'), 'demo-template');
  const dataDir = join(root, 'data');
  const isBuilder = await mkdir(root).then(
    () => true,
    () => false,
  );
  if (isBuilder) {
    await buildTemplate(root, dataDir);
    return dataDir;
  }
  for (;;) {
    if (await exists(join(root, 'ready'))) return dataDir;
    if (await exists(join(root, 'failed'))) {
      throw new Error(`the shared demo build failed:\n${await readFile(join(root, 'failed'), 'utf8')}`);
    }
    await sleep(250);
  }
}

/** A new data directory holding a copy of the built demo centre; the caller removes it. */
export async function copyOfDemoCentre(name: string): Promise<string> {
  const template = await demoTemplateDir();
  const dataDir = await mkdtemp(join(tmpdir(), `fournaise-${name}-`));
  await cp(template, dataDir, { recursive: true });
  return dataDir;
}
