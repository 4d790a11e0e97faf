/**
 * Ingest of a set of in-situ files as one unit: every file is read and checked first, then everything is
 * written in one store transaction, so a bad file (or a dangling reference between files) changes nothing.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { InsituDataset } from '../model/insitu-types.js';
import type { IngestResult, InsituStore } from '../store/insitu-store.js';
import { readCsvObservations, type CsvMapping } from './csv-observations-reader.js';
import { readDatasetDescription } from './dataset-description-reader.js';
import { readEventFile } from './event-file-reader.js';
import { readIgsSiteLogEvents } from './igs-site-log-reader.js';
import { gnssStationDataset, parseGnssFile, type GnssStationOptions } from './gnss-dataset.js';

/** One file to ingest and how to read it. */
export type InsituFile =
  | { readonly kind: 'dataset'; readonly path: string }
  | { readonly kind: 'observations'; readonly path: string; readonly mapping: CsvMapping }
  | { readonly kind: 'events'; readonly path: string }
  /** An IGS site log: its receiver and antenna changes become equipment-change events. */
  | { readonly kind: 'site-log'; readonly path: string; readonly stationId?: string }
  | {
      readonly kind: 'gnss';
      /** One file per processing solution of the same station. */
      readonly solutions: readonly { readonly name: string; readonly path: string }[];
      readonly station: GnssStationOptions;
    };

/** Merges datasets (entities are upserts, so order only matters for repeated ids: later wins). */
export function mergeDatasets(datasets: readonly InsituDataset[]): InsituDataset {
  const all = <K extends keyof InsituDataset>(key: K) =>
    datasets.flatMap((d) => (d[key] ?? []) as NonNullable<InsituDataset[K]>[number][]);
  return {
    networks: all('networks'),
    stations: all('stations'),
    events: all('events'),
    observedProperties: all('observedProperties'),
    sensors: all('sensors'),
    datastreams: all('datastreams'),
    observations: all('observations'),
  };
}

/**
 * Reads every file, then ingests them together.
 * @throws InsituParseError (file, line, column, expected) or InsituInvalidQueryError (dangling reference);
 * in both cases the store is unchanged.
 */
export async function ingestInsituFiles(
  store: InsituStore,
  files: readonly InsituFile[],
): Promise<IngestResult> {
  const datasets: InsituDataset[] = [];
  for (const file of files) {
    switch (file.kind) {
      case 'dataset':
        datasets.push(readDatasetDescription(await readFile(file.path, 'utf8'), basename(file.path)));
        break;
      case 'observations':
        datasets.push({
          observations: readCsvObservations(
            await readFile(file.path, 'utf8'),
            basename(file.path),
            file.mapping,
          ),
        });
        break;
      case 'events':
        datasets.push({ events: readEventFile(await readFile(file.path, 'utf8'), basename(file.path)) });
        break;
      case 'site-log':
        datasets.push({
          events: readIgsSiteLogEvents(
            await readFile(file.path, 'utf8'),
            basename(file.path),
            file.stationId,
          ),
        });
        break;
      case 'gnss': {
        const solutions = [];
        for (const solution of file.solutions) {
          solutions.push({
            name: solution.name,
            series: parseGnssFile(await readFile(solution.path, 'utf8'), solution.path),
          });
        }
        datasets.push(gnssStationDataset(file.station, solutions));
        break;
      }
    }
  }
  return store.ingest(mergeDatasets(datasets));
}
