/**
 * The data directory every command works in: `--data-dir`, else `FOURNAISE_DATA_DIR`, else `./data`.
 */
import { resolve } from 'node:path';

export const DATA_DIR_HELP = `  --data-dir <dir>      data directory (default: $FOURNAISE_DATA_DIR, else ./data)`;

/** The absolute data directory for a command. */
export function resolveDataDir(option: string | undefined, env: NodeJS.ProcessEnv, cwd: string): string {
  return resolve(cwd, option ?? (env.FOURNAISE_DATA_DIR || 'data'));
}
