/**
 * Builds the La Réunion demo centre into a data directory by running every registered contribution in order.
 *
 * A marker file is present while a build runs, so that an interrupted build is detected and redone at the next
 * start. Every contribution writes with mode 'upsert', so a rebuild over a partial one is safe.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CatalogStore } from '../catalog/store/catalog-store.js';
import './demo-contributions.js';
import { orderedDemoContributions } from './demo-registry.js';
import { SeededRandom } from './seeded-random.js';

/** The seed of the published demo; another seed gives another, equally valid, synthetic centre. */
export const DEFAULT_DEMO_SEED = 'fournaise-la-reunion-v1';

/** Present in the data directory while a demo build is running or after one was interrupted. */
export const DEMO_INCOMPLETE_MARKER = '.demo-build-incomplete';

export interface DemoProgressEvent {
  /** Contribution id. */
  contribution: string;
  title: string;
  /** 1-based position of the contribution and how many run. */
  step: number;
  steps: number;
  done: number;
  total?: number;
  label?: string;
}

export interface BuildDemoOptions {
  catalog: CatalogStore;
  dataDir: string;
  seed?: string;
  onProgress?: (event: DemoProgressEvent) => void;
  signal?: AbortSignal;
}

/** Builds every registered demo contribution; resolves to the ids built, in order. */
export async function buildDemoCentre(options: BuildDemoOptions): Promise<string[]> {
  const { catalog, dataDir, signal } = options;
  const random = new SeededRandom(options.seed ?? DEFAULT_DEMO_SEED);
  const contributions = orderedDemoContributions();
  await mkdir(dataDir, { recursive: true });
  const marker = join(dataDir, DEMO_INCOMPLETE_MARKER);
  await writeFile(marker, 'A demo build started and has not finished; it is redone at the next start.\n');
  for (const [index, contribution] of contributions.entries()) {
    signal?.throwIfAborted();
    const report = (done: number, total?: number, label?: string) =>
      options.onProgress?.({
        contribution: contribution.id,
        title: contribution.title,
        step: index + 1,
        steps: contributions.length,
        done,
        total,
        label,
      });
    report(0);
    await contribution.build({
      catalog,
      dataDir,
      random: random.fork(contribution.id),
      progress: report,
      signal,
    });
  }
  await rm(marker, { force: true });
  return contributions.map((contribution) => contribution.id);
}

/**
 * Whether `serve` should build the demo: the data directory is missing or empty, or a previous demo build
 * did not finish.
 */
export async function isDemoBuildNeeded(dataDir: string): Promise<boolean> {
  let entries: string[];
  try {
    entries = await readdir(dataDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
  return entries.length === 0 || entries.includes(DEMO_INCOMPLETE_MARKER);
}
