/**
 * The data directory every command works in: `--data-dir`, else `FOURNAISE_DATA_DIR`, else `./data`, and
 * opening the catalogue in it with an error that names the directory when it cannot be used.
 */
import { join, resolve } from 'node:path';
import {
  openSqliteCatalogStore,
  type SqliteCatalogStore,
} from '../catalog/store/sqlite/sqlite-catalog-store.js';
import { BULK_WRITE_SQLITE_MEMORY } from '../catalog/store/sqlite/sqlite-schema.js';
import { FournaiseError } from '../core/fournaise-error.js';

export const DATA_DIR_HELP = `  --data-dir <dir>      data directory (default: $FOURNAISE_DATA_DIR, else ./data)`;

/** The data directory (or its catalogue file) cannot be created, opened or read. */
export class DataDirUnusableError extends FournaiseError {
  constructor(message: string, location: string) {
    super('CLI_DATA_DIR_UNUSABLE', message, location);
  }
}

/** The absolute data directory for a command. */
export function resolveDataDir(option: string | undefined, env: NodeJS.ProcessEnv, cwd: string): string {
  return resolve(cwd, option ?? (env.FOURNAISE_DATA_DIR || 'data'));
}

/** Opens (creating if needed) the catalogue of a data directory, sized for the batch commands' writes. */
export function openCatalogIn(dataDir: string): SqliteCatalogStore {
  try {
    return openSqliteCatalogStore({ dataDir }, { memory: BULK_WRITE_SQLITE_MEMORY });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DataDirUnusableError(
      `cannot open the catalogue of the data directory: ${reason}`,
      join(dataDir, 'catalog.sqlite'),
    );
  }
}
