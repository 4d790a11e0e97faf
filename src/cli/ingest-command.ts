/**
 * `fournaise ingest`: loads STAC sources into the catalogue of a data directory.
 */
import { DEFAULT_BATCH_SIZE, type IngestProgress } from '../catalog/ingest/ingest-types.js';
import { ingestStac } from '../catalog/ingest/stac-ingest.js';
import type { WriteMode } from '../catalog/store/catalog-store.js';
import {
  CliUsageError,
  EXIT,
  nonNegativeNumber,
  parseCommandLine,
  positiveInteger,
  type CliCommand,
} from './cli-command.js';
import { DATA_DIR_HELP, openCatalogIn, resolveDataDir } from './data-dir.js';
import { formatProblem } from './problem-format.js';
import { ProgressDisplay } from './progress-display.js';

const MODES: readonly WriteMode[] = ['insert', 'upsert', 'skip-existing'];

const HELP = `Usage: fournaise ingest [options] <source>...

Loads STAC collections and items into the catalogue. A source is:
  - a static STAC catalog: a folder (with catalog.json or collection.json), a catalog.json or
    collection.json path, or an http(s) URL; child and item links are followed;
  - an ItemCollection (GeoJSON FeatureCollection of items), a STAC API items page (next links are
    followed), a single item, or a JSON array of items or collections;
  - NDJSON (.ndjson, .jsonl): one item or collection per line;
  - a plain folder (no catalog.json): every .json and .ndjson file in it, sub-folders included.
Collections are written before their items. Invalid objects are listed with their location and the
reason, and the rest still goes in. Items are written in batches, one transaction each.

Options:
${DATA_DIR_HELP}
  --mode <mode>         insert (default: an existing id is an error), upsert (replace),
                        skip-existing (keep what is stored)
  --batch-size <n>      items per transaction (default ${DEFAULT_BATCH_SIZE})
  --strict              validate everything first; write nothing if anything is invalid
  --collection <id>     collection for items that have none and are not under a collection
  --quiet               no progress display
  --progress-interval <s>  seconds between progress lines when stderr is not a terminal (default 5)
  -h, --help            show this help

Exit codes: 0 all written, 1 some objects rejected (or --strict aborted), 2 bad command line,
3 failure (data directory unusable, source vanished mid-read, ...).

Examples:
  fournaise ingest ./my-catalog
  fournaise ingest --mode upsert https://example.org/stac/catalog.json
  fournaise ingest --collection sentinel-2 --batch-size 5000 items.ndjson`;

export const ingestCommand: CliCommand = {
  name: 'ingest',
  summary: 'load a static catalog, an ItemCollection or NDJSON into the catalogue',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandLine(
      args,
      {
        'data-dir': { type: 'string' },
        mode: { type: 'string' },
        'batch-size': { type: 'string' },
        strict: { type: 'boolean' },
        collection: { type: 'string' },
        quiet: { type: 'boolean' },
        'progress-interval': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      true,
    );
    if (values.help) {
      io.stdout.write(`${HELP}\n`);
      return EXIT.ok;
    }
    if (positionals.length === 0) throw new CliUsageError('no source given');
    const mode = (values.mode ?? 'insert') as WriteMode;
    if (!MODES.includes(mode))
      throw new CliUsageError(`--mode must be one of ${MODES.join(', ')}, got '${values.mode}'`);
    const batchSize = positiveInteger(values['batch-size'], 'batch-size', DEFAULT_BATCH_SIZE);
    const interval = nonNegativeNumber(values['progress-interval'], 'progress-interval', 5);

    const display = new ProgressDisplay({
      stream: io.stderr,
      quiet: values.quiet,
      plainIntervalSeconds: interval,
    });
    const store = openCatalogIn(resolveDataDir(values['data-dir'], io.env, io.cwd));
    const abort = new AbortController();
    const onSignal = () => abort.abort();
    process.once('SIGINT', onSignal);
    try {
      const report = await ingestStac({
        store,
        sources: positionals,
        mode,
        batchSize,
        strict: values.strict,
        defaultCollection: values.collection,
        cwd: io.cwd,
        signal: abort.signal,
        onProblem: (problem) => display.log(formatProblem(problem)),
        onProgress: (progress) => display.update(progressState(progress)),
      });
      display.finish();
      const { items, collections } = report;
      const summary = report.aborted
        ? `strict: ${report.rejected} invalid object(s) or document(s); nothing was written`
        : `${collections.inserted + collections.updated} collection(s) and ${items.inserted} item(s) inserted, ` +
          `${items.updated} updated, ${items.skipped} skipped, ${report.rejected} rejected ` +
          `in ${(report.elapsedMs / 1000).toFixed(1)} s`;
      io.stderr.write(`${summary}\n`);
      return report.rejected > 0 ? EXIT.invalidInput : EXIT.ok;
    } finally {
      process.removeListener('SIGINT', onSignal);
      await store.close();
    }
  },
};

function progressState(progress: IngestProgress) {
  const written = progress.itemsInserted + progress.itemsUpdated + progress.itemsSkipped;
  const validating = progress.phase === 'validating';
  return {
    label: validating ? 'validating' : 'ingest',
    done: validating ? progress.itemsRead : written,
    fraction: progress.bytesTotal ? (progress.bytesRead ?? 0) / progress.bytesTotal : undefined,
    unit: 'items',
    detail: progress.rejected > 0 ? `${progress.rejected} rejected` : undefined,
  };
}
