/**
 * Two connections to one new catalogue file holding the conformance collections and Sentinel-2 items, as two
 * server processes (or a server and `fournaise ingest`) would have: tests write through one and read through
 * the other.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  openSqliteCatalogStore,
  type SqliteCatalogStore,
} from '../../../src/catalog/store/sqlite/sqlite-catalog-store.js';
import { clone, COLLECTIONS, S2_ITEMS } from '../../conformance/fixtures.js';

export interface TwoConnections {
  reader: SqliteCatalogStore;
  writer: SqliteCatalogStore;
  /** Closes both and removes the file. */
  close(): Promise<void>;
}

export async function openTwoConnections(name: string): Promise<TwoConnections> {
  const dataDir = mkdtempSync(join(tmpdir(), `fournaise-${name}-`));
  const reader = openSqliteCatalogStore({ dataDir });
  for (const collection of COLLECTIONS) await reader.putCollection(clone(collection), 'insert');
  await reader.writeItems(clone(S2_ITEMS), 'insert');
  const writer = openSqliteCatalogStore({ dataDir });
  return {
    reader,
    writer,
    close: async () => {
      await writer.close();
      await reader.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
