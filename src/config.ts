/**
 * Server configuration from the environment, with command-line overrides.
 *
 * - `PORT` (default 8080), `HOST` (default `localhost`; `0.0.0.0` to listen on every interface)
 * - `FOURNAISE_DATA_DIR` (default `./data`)
 * - `FOURNAISE_BASE_URL`: public URL of the server root when it sits behind a proxy, e.g.
 *   `https://data.example.org/fournaise`; links are then built on it.
 * - `FOURNAISE_ASSET_ROOTS`: folders, besides the data directory, whose files asset hrefs may point to
 *   (separated by `:`; `;` on Windows), e.g. where an ingested static catalog keeps its COGs.
 */
import { delimiter, resolve } from 'node:path';
import { FournaiseError } from './core/fournaise-error.js';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  baseUrl?: string;
  /** Build the demo centre on first start (empty or missing data directory). */
  demoOnFirstStart: boolean;
  /** Absolute folders whose files may be served as assets; the data directory comes first. */
  assetRoots: string[];
}

export const DEFAULT_PORT = 8080;

/** A configuration value that cannot be used; `location` names the variable or option. */
export class ConfigError extends FournaiseError {
  constructor(message: string, location: string) {
    super('CONFIG_INVALID', message, location);
  }
}

export interface ConfigOverrides {
  port?: string;
  host?: string;
  dataDir?: string;
  baseUrl?: string;
  demoOnFirstStart?: boolean;
  assetRoots?: string[];
}

/** Reads the configuration; command-line values win over environment variables. */
export function readServerConfig(
  env: NodeJS.ProcessEnv,
  cwd: string,
  overrides: ConfigOverrides = {},
): ServerConfig {
  const portText = overrides.port ?? env.PORT;
  const port = portText === undefined || portText === '' ? DEFAULT_PORT : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(
      `port must be an integer from 0 to 65535, got '${portText}'`,
      overrides.port ? '--port' : 'PORT',
    );
  }
  const baseUrl = overrides.baseUrl ?? (env.FOURNAISE_BASE_URL || undefined);
  if (baseUrl !== undefined) {
    let url: URL;
    try {
      url = new URL(baseUrl);
    } catch {
      throw new ConfigError(
        `base URL is not an absolute URL: '${baseUrl}'`,
        overrides.baseUrl ? '--base-url' : 'FOURNAISE_BASE_URL',
      );
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new ConfigError(
        `base URL must be http or https: '${baseUrl}'`,
        overrides.baseUrl ? '--base-url' : 'FOURNAISE_BASE_URL',
      );
    }
  }
  const dataDir = resolve(cwd, overrides.dataDir ?? (env.FOURNAISE_DATA_DIR || 'data'));
  const extraRoots = overrides.assetRoots ?? (env.FOURNAISE_ASSET_ROOTS ?? '').split(delimiter);
  return {
    port,
    host: overrides.host ?? (env.HOST || 'localhost'),
    dataDir,
    baseUrl: baseUrl?.replace(/\/+$/, ''),
    demoOnFirstStart: overrides.demoOnFirstStart ?? true,
    assetRoots: [dataDir, ...extraRoots.filter((root) => root !== '').map((root) => resolve(cwd, root))],
  };
}
