/**
 * The registry of demo contributions: each capability (catalogue, rasters, in-situ, ...) adds its own part of
 * the La Réunion demo centre by registering a contribution, so the demo grows with the software and no
 * module has to know the others.
 *
 * A contribution is registered by importing its module from `demo-contributions.ts` (one line per module).
 */
import type { CatalogStore } from '../catalog/store/catalog-store.js';
import { FournaiseError } from '../core/fournaise-error.js';
import type { SeededRandom } from './seeded-random.js';

/** What a contribution gets to build its part of the demo. */
export interface DemoContext {
  /** The catalogue to write collections and items into (use mode 'upsert': building twice is allowed). */
  catalog: CatalogStore;
  /** The data directory; files go under `<dataDir>/demo/<contribution id>/` by convention. */
  dataDir: string;
  /** A generator seeded from the demo seed and this contribution's id, independent of other contributions. */
  random: SeededRandom;
  /** Reports progress of this contribution: `done` units out of `total` (when known), with a short label. */
  progress(done: number, total?: number, label?: string): void;
  /** Aborted when the build is cancelled; long loops should check it. */
  signal?: AbortSignal;
}

export interface DemoContribution {
  /** Stable id, e.g. 'catalog', 'raster', 'insitu'. */
  id: string;
  /** Human-readable title for progress display. */
  title: string;
  /** Ids of contributions that must run first (e.g. rasters need the catalogue's items). */
  after?: string[];
  /** Builds this contribution's data. Must be deterministic: use `ctx.random`, never `Math.random` or the clock. */
  build(ctx: DemoContext): Promise<void>;
}

/** A registry problem: duplicate id, unknown dependency or dependency cycle. */
export class DemoRegistryError extends FournaiseError {
  constructor(message: string) {
    super('DEMO_REGISTRY', message);
  }
}

const contributions = new Map<string, DemoContribution>();

/**
 * Adds a contribution to the demo. Registering an id twice is an error unless `replace` is set.
 *
 * @example
 * registerDemoContribution({
 *   id: 'raster',
 *   title: 'raster assets',
 *   after: ['catalog'],
 *   async build(ctx) { ... write COGs, then ctx.catalog.writeItems(updatedItems, 'upsert') ... },
 * });
 */
export function registerDemoContribution(
  contribution: DemoContribution,
  options: { replace?: boolean } = {},
): void {
  if (contributions.has(contribution.id) && !options.replace) {
    throw new DemoRegistryError(`demo contribution '${contribution.id}' is already registered`);
  }
  contributions.set(contribution.id, contribution);
}

/** Removes a contribution (tests use this to register temporary ones). */
export function unregisterDemoContribution(id: string): boolean {
  return contributions.delete(id);
}

/**
 * The registered contributions in build order: dependencies first, otherwise registration order.
 * Throws {@link DemoRegistryError} for an unknown dependency or a cycle.
 */
export function orderedDemoContributions(): DemoContribution[] {
  const ordered: DemoContribution[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (contribution: DemoContribution, path: string[]) => {
    const status = state.get(contribution.id);
    if (status === 'done') return;
    if (status === 'visiting') {
      throw new DemoRegistryError(
        `demo contributions depend on each other in a cycle: ${[...path, contribution.id].join(' → ')}`,
      );
    }
    state.set(contribution.id, 'visiting');
    for (const dependencyId of contribution.after ?? []) {
      const dependency = contributions.get(dependencyId);
      if (!dependency) {
        throw new DemoRegistryError(
          `demo contribution '${contribution.id}' runs after unknown contribution '${dependencyId}'`,
        );
      }
      visit(dependency, [...path, contribution.id]);
    }
    state.set(contribution.id, 'done');
    ordered.push(contribution);
  };
  for (const contribution of contributions.values()) visit(contribution, []);
  return ordered;
}
