/**
 * `fournaise insitu-ingest`: ingests in-situ dataset descriptions (and event files) into the in-situ store of
 * the data directory, then catalogues each network as a STAC collection with one item per station, so that
 * one catalogue search finds imagery and in-situ data together.
 */
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { FournaiseError } from '../core/fournaise-error.js';
import { readDatasetDescription } from '../insitu/ingest/dataset-description-reader.js';
import { ingestInsituFiles, type InsituFile } from '../insitu/ingest/insitu-file-ingest.js';
import { insituNetworkToStac } from '../insitu/stac/insitu-stac.js';
import { readNetworkContent } from '../insitu/stac/network-content.js';
import { openSqliteInsituStore } from '../insitu/store/sqlite/sqlite-insitu-store.js';
import { CliUsageError, EXIT, parseCommandLine, type CliCommand } from './cli-command.js';
import { DATA_DIR_HELP, openCatalogIn, resolveDataDir } from './data-dir.js';

const HELP = `Usage: fournaise insitu-ingest [options] <dataset.json>...

Ingests in-situ dataset descriptions (JSON, "type": "fournaise-insitu-dataset": network, stations,
observed properties, sensors, datastreams, events, observations) into <data-dir>/insitu.sqlite. Every file
is read and checked first, then everything is written in one transaction: a bad file changes nothing and
its error names the file, line and column. Re-ingesting the same files is idempotent. Each network is then
catalogued as a STAC collection (its collectionId, else insitu-<network>) with one item per station.

Options:
${DATA_DIR_HELP}
  --events <file>       CSV of station events (station,time,kind,description); repeatable
  --license <spdx>      licence of the STAC collections (default 'other')
  -h, --help            show this help

Exit codes: 0 ingested, 1 invalid input (nothing written), 2 bad command line, 3 failure.`;

export const insituIngestCommand: CliCommand = {
  name: 'insitu-ingest',
  summary: 'ingest in-situ dataset descriptions and catalogue their networks',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandLine(
      args,
      {
        'data-dir': { type: 'string' },
        events: { type: 'string', multiple: true },
        license: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      true,
    );
    if (values.help) {
      io.stdout.write(`${HELP}\n`);
      return EXIT.ok;
    }
    if (positionals.length === 0) throw new CliUsageError('give at least one dataset description file');
    const files: InsituFile[] = [
      ...positionals.map((path): InsituFile => ({ kind: 'dataset', path: resolve(io.cwd, path) })),
      ...(values.events ?? []).map((path): InsituFile => ({ kind: 'events', path: resolve(io.cwd, path) })),
    ];
    const dataDir = resolveDataDir(values['data-dir'], io.env, io.cwd);
    const insitu = openSqliteInsituStore({ dataDir });
    const catalog = openCatalogIn(dataDir);
    try {
      const result = await ingestInsituFiles(insitu, files);
      io.stderr.write(`ingested ${JSON.stringify(result)}\n`);
      // The networks these files describe (already validated by the ingest, so they parse).
      const networkIds = new Set<string>();
      for (const path of positionals) {
        const dataset = readDatasetDescription(await readFile(resolve(io.cwd, path), 'utf8'), basename(path));
        for (const network of dataset.networks ?? []) networkIds.add(network.id);
      }
      for (const networkId of networkIds) {
        const { collection, items } = insituNetworkToStac(
          await readNetworkContent(insitu, networkId),
          values.license,
        );
        await catalog.putCollection(collection, 'upsert');
        if (items.length) await catalog.writeItems(items, 'upsert');
        io.stderr.write(
          `catalogued network ${networkId} as collection ${collection.id} (${items.length} stations)\n`,
        );
      }
      return EXIT.ok;
    } catch (error) {
      if (error instanceof FournaiseError && error.code.startsWith('INSITU_')) {
        io.stderr.write(`error: ${error.message}${error.location ? ` (${error.location})` : ''}\n`);
        return EXIT.invalidInput;
      }
      throw error;
    } finally {
      await insitu.close();
      await catalog.close();
    }
  },
};
