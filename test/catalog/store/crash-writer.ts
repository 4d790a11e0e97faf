/**
 * Child process of sqlite-crash.test.ts: writes batches of items into the store given as argv[2] forever,
 * printing the number of committed items after each batch, until it is killed.
 */
import { openSqliteCatalogStore } from '../../../src/catalog/store/sqlite/sqlite-catalog-store.js';
import type { StacItem } from '../../../src/catalog/model/stac-types.js';
import { COLLECTIONS, S2_ITEMS } from '../../conformance/fixtures.js';

const BATCH = 500;
const store = openSqliteCatalogStore({ path: process.argv[2] });
await store.putCollection(COLLECTIONS[0], 'upsert');
for (let batch = 0; ; batch++) {
  const items: StacItem[] = Array.from({ length: BATCH }, (_, i) => ({
    ...S2_ITEMS[i % S2_ITEMS.length],
    id: `crash-${batch}-${i}`,
  }));
  await store.writeItems(items, 'insert');
  process.stdout.write(`${(batch + 1) * BATCH}\n`);
}
