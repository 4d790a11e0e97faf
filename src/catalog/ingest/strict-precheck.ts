/**
 * Pass one of a strict ingest: finds, without writing anything, every problem that would make an object be
 * rejected while writing (invalid schema, unknown collection, and in insert mode an id that already exists).
 */
import type { WriteMode } from '../store/catalog-store.js';
import {
  prepareForStore,
  missingCollectionMessage,
  objectIdOf,
  validationProblems,
} from './ingest-checks.js';
import type { IngestOptions, IngestProblem } from './ingest-types.js';
import type { StacOrigin, StacSourceEntry } from './stac-source-entry.js';
import { readStacSource, type ReadProgress } from './stac-source-reader.js';

/** Pass one of a strict ingest: everything that would be rejected while writing, found without writing. */
export class StrictPrecheck {
  private readonly sourceCollections = new Set<string>();
  private readonly neededCollections = new Map<string, StacOrigin>();
  private readonly seenItems = new Set<string>();
  private clean = true;

  constructor(
    private readonly options: IngestOptions,
    private readonly mode: WriteMode,
    private readonly onRead: (entry: StacSourceEntry) => void,
  ) {}

  async run(reject: (...problems: IngestProblem[]) => void, read: ReadProgress): Promise<boolean> {
    const report = (...problems: IngestProblem[]) => {
      this.clean = false;
      reject(...problems);
    };
    const { store, signal, cwd } = this.options;
    for (const source of this.options.sources) {
      for await (const entry of readStacSource(source, { progress: read, signal, cwd })) {
        signal?.throwIfAborted();
        this.onRead(entry);
        if (entry.kind === 'problem') {
          report({ origin: entry.origin, message: entry.message });
          continue;
        }
        if (entry.kind === 'catalog') continue;
        const prepared = prepareForStore(entry, this.options.defaultCollection);
        if (!prepared.ok) {
          report(prepared.problem);
          continue;
        }
        const problems = validationProblems(prepared.object, entry.origin);
        if (problems.length > 0) report(...problems);
        const id = objectIdOf(entry.object);
        if (problems.length > 0 || id === undefined) continue;
        if (prepared.collectionId === undefined) {
          this.sourceCollections.add(id);
          if (this.mode === 'insert' && (await store.getCollection(id))) {
            report({
              origin: entry.origin,
              objectId: id,
              message: `collection '${id}' already exists (use --mode upsert or --mode skip-existing)`,
            });
          }
          continue;
        }
        const collectionId = prepared.collectionId;
        if (!this.neededCollections.has(collectionId)) this.neededCollections.set(collectionId, entry.origin);
        if (this.mode === 'insert') await this.checkNew(collectionId, id, entry.origin, report);
      }
    }
    for (const [collectionId, origin] of this.neededCollections) {
      if (!this.sourceCollections.has(collectionId) && !(await store.getCollection(collectionId))) {
        report({ origin, message: missingCollectionMessage(collectionId) });
      }
    }
    return this.clean;
  }

  private async checkNew(
    collectionId: string,
    id: string,
    origin: StacOrigin,
    report: (p: IngestProblem) => void,
  ) {
    const key = `${collectionId}\u0000${id}`;
    if (this.seenItems.has(key)) {
      report({
        origin,
        objectId: id,
        message: `item '${id}' of collection '${collectionId}' appears twice in the sources`,
      });
    } else if (await this.options.store.getItem(collectionId, id)) {
      report({
        origin,
        objectId: id,
        message: `item '${id}' already exists in collection '${collectionId}' (use --mode upsert or --mode skip-existing)`,
      });
    }
    this.seenItems.add(key);
  }
}
