/**
 * The La Réunion demo centre as `npm start` serves it, for end-to-end tests: the main server on a random port
 * over a new data directory holding a copy of the run's demo build, with the portal built.
 */
import { rm } from 'node:fs/promises';
import { startServer, type RunningServer } from '../../src/server.js';
import { copyOfDemoCentre } from '../support/demo-template.js';
import { ensurePortalBuilt } from './portal-fixture.js';

export { DEMO_HOOK_TIMEOUT_MS } from '../support/demo-template.js';

export interface DemoCentre {
  server: RunningServer;
  url: string;
  /** Stops the server and removes its data directory. */
  stop(): Promise<void>;
}

export async function startDemoCentre(name: string): Promise<DemoCentre> {
  ensurePortalBuilt();
  const dataDir = await copyOfDemoCentre(name);
  try {
    const server = await startServer({
      port: 0,
      host: '127.0.0.1',
      dataDir,
      demoOnFirstStart: true,
      assetRoots: [dataDir],
    });
    return {
      server,
      url: server.url,
      stop: async () => {
        await server.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}
