/**
 * `ingestStac`: reads STAC sources and writes their collections and items into a catalogue store, in batched
 * transactions, listing every invalid object with where it is and why, and going on with the rest.
 *
 * Guarantees: each batch is one `writeItems` call, so one transaction; a process killed mid-ingest leaves the
 * batches already committed intact and nothing of the batch in flight. Collections are written as soon as
 * they are read, so before their items. With `strict`, every source is read and validated first and nothing
 * is written if any problem is found.
 *
 * Objects are validated in the form they are stored in (see `prepareForStore`): with their collection and its
 * link, without the source catalog's own structure links.
 */
import { FournaiseError } from '../../core/fournaise-error.js';
import type { StacCollection, StacItem } from '../model/stac-types.js';
import type { WriteMode, WriteResult } from '../store/catalog-store.js';
import {
  DEFAULT_BATCH_SIZE,
  type IngestOptions,
  type IngestProblem,
  type IngestProgress,
  type IngestReport,
} from './ingest-types.js';
import type { StacOrigin, StacSourceEntry } from './stac-source-entry.js';
import {
  missingCollectionMessage,
  prepareForStore,
  validationProblems,
  type ObjectEntry,
} from './ingest-checks.js';
import { StrictPrecheck } from './strict-precheck.js';
import { readStacSource, type ReadProgress } from './stac-source-reader.js';

interface PendingItem {
  item: StacItem;
  origin: StacOrigin;
}

/** Items waiting for a collection not read yet are held up to this many, then rejected (unless strict). */
const MAX_WAITING_ITEMS = 10_000;
const MAX_LISTED_PROBLEMS = 1000;
/** Progress is reported at least every this many objects read. */
const PROGRESS_EVERY = 250;

/**
 * Ingests the given sources into `options.store`.
 *
 * @example
 * const report = await ingestStac({ store, sources: ['./catalog'], mode: 'upsert', onProblem: console.warn });
 */
export async function ingestStac(options: IngestOptions): Promise<IngestReport> {
  return new IngestRun(options).run();
}

function emptyResult(): WriteResult {
  return { inserted: 0, updated: 0, skipped: 0 };
}

class IngestRun {
  private readonly mode: WriteMode;
  private readonly batchSize: number;
  private readonly started = performance.now();
  private readonly report: IngestReport = {
    items: emptyResult(),
    collections: emptyResult(),
    rejected: 0,
    problems: [],
    aborted: false,
    elapsedMs: 0,
  };
  private readonly read: ReadProgress = { documentsRead: 0 };
  private phase: IngestProgress['phase'] = 'writing';
  private itemsRead = 0;
  private sinceProgress = 0;
  private readonly existingCollections = new Set<string>();
  private readonly waiting = new Map<string, PendingItem[]>();
  private waitingCount = 0;
  private batch: PendingItem[] = [];

  constructor(private readonly options: IngestOptions) {
    this.mode = options.mode ?? 'insert';
    this.batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE));
  }

  async run(): Promise<IngestReport> {
    if (this.options.strict) {
      this.phase = 'validating';
      const clean = await new StrictPrecheck(this.options, this.mode, (entry) => this.countRead(entry)).run(
        (...problems) => this.reject(...problems),
        this.read,
      );
      if (!clean) {
        this.report.aborted = true;
        return this.finish();
      }
      this.phase = 'writing';
      this.itemsRead = 0;
      Object.assign(this.read, { documentsRead: 0, bytesRead: undefined, bytesTotal: undefined });
    }
    for (const source of this.options.sources) {
      for await (const entry of readStacSource(source, {
        progress: this.read,
        signal: this.options.signal,
        cwd: this.options.cwd,
      })) {
        this.options.signal?.throwIfAborted();
        if (entry.kind === 'problem') this.reject({ origin: entry.origin, message: entry.message });
        else await this.accept(entry, !this.options.strict);
        this.countRead(entry);
      }
    }
    await this.flush();
    for (const [collectionId, items] of this.waiting) {
      for (const { item, origin } of items)
        this.reject({ origin, objectId: item.id, message: missingCollectionMessage(collectionId) });
    }
    return this.finish();
  }

  private finish(): IngestReport {
    this.report.elapsedMs = performance.now() - this.started;
    this.emitProgress();
    return this.report;
  }

  private countRead(entry: StacSourceEntry): void {
    if (entry.kind === 'item') this.itemsRead++;
    if (++this.sinceProgress >= PROGRESS_EVERY) this.emitProgress();
  }

  private emitProgress(): void {
    this.sinceProgress = 0;
    this.options.onProgress?.({
      phase: this.phase,
      itemsRead: this.itemsRead,
      itemsInserted: this.report.items.inserted,
      itemsUpdated: this.report.items.updated,
      itemsSkipped: this.report.items.skipped,
      collectionsWritten: this.report.collections.inserted + this.report.collections.updated,
      rejected: this.report.rejected,
      documentsRead: this.read.documentsRead,
      bytesRead: this.read.bytesRead,
      bytesTotal: this.read.bytesTotal,
      elapsedMs: performance.now() - this.started,
    });
  }

  /** Rejects one object or document; several problems (e.g. schema errors) of one object count once. */
  private reject(...problems: IngestProblem[]): void {
    this.report.rejected++;
    for (const problem of problems) {
      if (this.report.problems.length < MAX_LISTED_PROBLEMS) this.report.problems.push(problem);
      this.options.onProblem?.(problem);
    }
  }

  private async accept(entry: ObjectEntry, validate: boolean): Promise<void> {
    if (entry.kind === 'catalog') return;
    const prepared = prepareForStore(entry, this.options.defaultCollection);
    if (!prepared.ok) {
      this.reject(prepared.problem);
      return;
    }
    if (validate) {
      const problems = validationProblems(prepared.object, entry.origin);
      if (problems.length > 0) {
        this.reject(...problems);
        return;
      }
    }
    if (entry.kind === 'collection')
      await this.writeCollection(prepared.object as StacCollection, entry.origin);
    else await this.queueItem(prepared.object as StacItem, entry.origin);
  }

  private async writeCollection(collection: StacCollection, origin: StacOrigin): Promise<void> {
    try {
      const result = await this.options.store.putCollection(collection, this.mode);
      addResult(this.report.collections, result);
    } catch (error) {
      if (!(error instanceof FournaiseError)) throw error;
      const hint =
        error.code === 'CATALOG_COLLECTION_EXISTS' ? ' (use --mode upsert or --mode skip-existing)' : '';
      this.reject({ origin, objectId: collection.id, message: `${error.message}${hint}` });
    }
    if (await this.collectionExists(collection.id)) {
      const released = this.waiting.get(collection.id) ?? [];
      this.waiting.delete(collection.id);
      this.waitingCount -= released.length;
      for (const pending of released) await this.addToBatch(pending);
    }
  }

  private async queueItem(item: StacItem, origin: StacOrigin): Promise<void> {
    const collectionId = item.collection as string;
    const pending = { item, origin };
    if (await this.collectionExists(collectionId)) {
      await this.addToBatch(pending);
    } else if (this.options.strict || this.waitingCount < MAX_WAITING_ITEMS) {
      // After a clean strict pre-check the collection is known to come later in the sources: always wait.
      const waiting = this.waiting.get(collectionId) ?? [];
      waiting.push(pending);
      this.waiting.set(collectionId, waiting);
      this.waitingCount++;
    } else {
      this.reject({ origin, objectId: item.id, message: missingCollectionMessage(collectionId) });
    }
  }

  private async collectionExists(id: string): Promise<boolean> {
    if (this.existingCollections.has(id)) return true;
    if (!(await this.options.store.getCollection(id))) return false;
    this.existingCollections.add(id);
    return true;
  }

  private async addToBatch(pending: PendingItem): Promise<void> {
    this.batch.push(pending);
    if (this.batch.length >= this.batchSize) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const batch = this.batch;
    this.batch = [];
    await this.writeBatch(batch);
    this.emitProgress();
  }

  /** Writes a batch in one transaction; when the store refuses it, halves it to find and reject the culprits. */
  private async writeBatch(batch: PendingItem[]): Promise<void> {
    try {
      addResult(
        this.report.items,
        await this.options.store.writeItems(
          batch.map((p) => p.item),
          this.mode,
        ),
      );
    } catch (error) {
      if (!(error instanceof FournaiseError)) throw error;
      if (batch.length === 1) {
        const hint =
          error.code === 'CATALOG_ITEM_EXISTS' ? ' (use --mode upsert or --mode skip-existing)' : '';
        this.reject({
          origin: batch[0].origin,
          objectId: batch[0].item.id,
          message: `${error.message}${hint}`,
        });
        return;
      }
      const half = Math.ceil(batch.length / 2);
      await this.writeBatch(batch.slice(0, half));
      await this.writeBatch(batch.slice(half));
    }
  }
}

function addResult(total: WriteResult, result: WriteResult): void {
  total.inserted += result.inserted;
  total.updated += result.updated;
  total.skipped += result.skipped;
}
