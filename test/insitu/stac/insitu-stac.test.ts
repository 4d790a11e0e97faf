import { describe, expect, it } from 'vitest';
import { validateStac } from '../../../src/catalog/validation/stac-validator.js';
import { insituNetworkToStac } from '../../../src/insitu/stac/insitu-stac.js';
import { openSqliteInsituStore } from '../../../src/insitu/store/sqlite/sqlite-insitu-store.js';
import { DAY, T0, fixtureDataset } from '../conformance/insitu-fixtures.js';

describe('in-situ networks as STAC collections', () => {
  it('maps a network and its stations to a valid STAC collection and items', async () => {
    const store = openSqliteInsituStore({ path: ':memory:' });
    await store.ingest(fixtureDataset());
    const datastreams = await store.listDatastreams();
    const extents = new Map(
      await Promise.all(datastreams.map(async (d) => [d.id, await store.datastreamExtent(d.id)] as const)),
    );
    const { collection, items } = insituNetworkToStac(
      {
        network: (await store.getNetwork('ovpf-gnss'))!,
        stations: await store.listStations('ovpf-gnss'),
        datastreams,
        observedProperties: await store.listObservedProperties(),
        extents,
      },
      'CC-BY-4.0',
    );
    await store.close();
    expect(collection.id).toBe('insitu-ovpf-gnss');
    expect(collection.extent.temporal.interval).toEqual([
      [new Date(T0).toISOString(), new Date(T0 + 399 * DAY).toISOString()],
    ]);
    expect(collection.extent.spatial.bbox).toEqual([[55.7114, -21.2448, 55.7114, -21.2448]]);
    expect(items.map((i) => i.id)).toEqual(['insitu-ovpf-gnss-bomg']);
    expect(items[0].properties['insitu:datastreams']).toEqual([
      { id: 'BOMG-east-A', variable: 'East displacement', unit: 'm', method: 'solution-A', count: 400 },
      { id: 'BOMG-east-B', variable: 'East displacement', unit: 'm', method: 'solution-B', count: 300 },
    ]);
    for (const document of [collection, ...items]) {
      const report = validateStac(document);
      expect(report.errors).toEqual([]);
      expect(report.valid).toBe(true);
    }
  });
});
