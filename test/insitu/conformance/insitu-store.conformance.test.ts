import { afterEach, describe, expect, it } from 'vitest';
import { InsituInvalidQueryError, InsituNotFoundError } from '../../../src/insitu/insitu-errors.js';
import { createObservationBatch } from '../../../src/insitu/model/insitu-types.js';
import type { InsituStore } from '../../../src/insitu/store/insitu-store.js';
import { BLOCK_SIZE, OVERVIEW_CHUNK } from '../../../src/insitu/store/observation-blocks.js';
import { INSITU_BACKENDS } from './backends.js';
import { DAY, T0, dailyBatch, fixtureDataset } from './insitu-fixtures.js';

for (const backend of INSITU_BACKENDS) {
  describe(`${backend.name}: in-situ store`, () => {
    let store: InsituStore | undefined;
    const open = async (): Promise<InsituStore> => {
      store = await backend.create();
      await store.ingest(fixtureDataset());
      return store;
    };
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    it('stores and lists metadata, with several solutions per station', async () => {
      const s = await open();
      expect((await s.listNetworks()).map((n) => n.id)).toEqual(['erorun', 'ovpf-gnss']);
      expect((await s.listStations('ovpf-gnss')).map((x) => x.id)).toEqual(['BOMG']);
      expect((await s.getStation('BOMG'))?.elevation).toBe(2569);
      expect((await s.listDatastreams('BOMG')).map((d) => d.method)).toEqual(['solution-A', 'solution-B']);
      expect((await s.getDatastream('RPL1-alk'))?.unit.symbol).toBe('µeq/L');
      expect((await s.listEvents('BOMG')).map((e) => e.kind)).toEqual(['eruption', 'equipment-change']);
      expect((await s.getSensor('leica-gr50'))?.name).toBe('Leica GR50');
      expect((await s.getObservedProperty('alkalinity'))?.definition).toMatch(/ALKYZZXX/);
      expect(await s.getStation('nope')).toBeUndefined();
    });

    it('reads a series back exactly, whole or by time range', async () => {
      const s = await open();
      const all = await s.readObservations('BOMG-east-A');
      expect(all.time.length).toBe(400);
      expect(all.value[399]).toBeCloseTo(0.0399, 12);
      expect(all.uncertainty[0]).toBe(0.001);
      expect(all.quality[0]).toBe(1);
      const part = await s.readObservations('BOMG-east-A', { start: T0 + 10 * DAY, end: T0 + 19 * DAY });
      expect(Array.from(part.time)).toEqual(Array.from({ length: 10 }, (_, i) => T0 + (10 + i) * DAY));
      expect(await s.datastreamExtent('BOMG-east-B')).toEqual({
        count: 300,
        firstTime: T0,
        lastTime: T0 + 299 * DAY,
      });
    });

    it('is idempotent: re-ingesting the same dataset leaves the same rows', async () => {
      const s = await open();
      const before = await s.readObservations('BOMG-east-A');
      await s.ingest(fixtureDataset());
      const after = await s.readObservations('BOMG-east-A');
      expect(Array.from(after.time)).toEqual(Array.from(before.time));
      expect(Array.from(after.value)).toEqual(Array.from(before.value));
      expect((await s.listEvents()).length).toBe(2);
    });

    it('upserts on (datastream, time): overlapping batches replace values and extend the series', async () => {
      const s = await open();
      await s.ingest({ observations: [{ datastreamId: 'BOMG-east-B', batch: dailyBatch(100, 5, 0, 250) }] });
      const series = await s.readObservations('BOMG-east-B');
      expect(series.time.length).toBe(350);
      expect(series.value[249]).toBeCloseTo(0.0349, 12);
      expect(series.value[250]).toBe(5);
      expect(series.value[349]).toBe(5);
      for (let i = 1; i < series.time.length; i++) expect(series.time[i]).toBeGreaterThan(series.time[i - 1]);
    });

    it('keeps series spanning many blocks intact, including appends one observation at a time', async () => {
      const s = await open();
      const n = 2 * BLOCK_SIZE + 17;
      await s.ingest({ observations: [{ datastreamId: 'RPL1-alk', batch: dailyBatch(n, 0, 1) }] });
      for (let k = 0; k < 5; k++) {
        await s.ingest({ observations: [{ datastreamId: 'RPL1-alk', batch: dailyBatch(1, -1, 0, n + k) }] });
      }
      const series = await s.readObservations('RPL1-alk');
      expect(series.time.length).toBe(n + 5);
      expect(series.value[n - 1]).toBe(n - 1);
      expect(series.value[n + 4]).toBe(-1);
      const middle = await s.readObservations('RPL1-alk', {
        start: T0 + (BLOCK_SIZE - 2) * DAY,
        end: T0 + (BLOCK_SIZE + 1) * DAY,
      });
      expect(Array.from(middle.value)).toEqual([BLOCK_SIZE - 2, BLOCK_SIZE - 1, BLOCK_SIZE, BLOCK_SIZE + 1]);
    });

    it('keeps an overview with the extremes of every 64 observations, updated on upsert', async () => {
      const s = await open();
      const n = BLOCK_SIZE + 1000;
      const batch = dailyBatch(n, 0, 0);
      for (let i = 0; i < n; i++) batch.value[i] = Math.sin(i / 7) + (i % 64 === 13 ? 5 : 0);
      await s.ingest({ observations: [{ datastreamId: 'RPL1-alk', batch }] });
      const overview = await s.readOverview('RPL1-alk');
      const chunks = Math.ceil(BLOCK_SIZE / OVERVIEW_CHUNK) + Math.ceil(1000 / OVERVIEW_CHUNK);
      expect(overview.time.length).toBeLessThanOrEqual(2 * chunks);
      expect(overview.time.length).toBeGreaterThan(chunks);
      expect(Math.max(...overview.value)).toBe(Math.max(...batch.value));
      expect(Math.min(...overview.value)).toBe(Math.min(...batch.value));
      expect(overview.value.filter((v) => v > 4).length).toBe(Math.ceil(n / 64));
      for (let i = 1; i < overview.time.length; i++)
        expect(overview.time[i]).toBeGreaterThan(overview.time[i - 1]);
      const spike = dailyBatch(1, 99, 0, 500);
      await s.ingest({ observations: [{ datastreamId: 'RPL1-alk', batch: spike }] });
      expect(Math.max(...(await s.readOverview('RPL1-alk')).value)).toBe(99);
      const part = await s.readOverview('RPL1-alk', { start: T0 + 400 * DAY, end: T0 + 600 * DAY });
      expect(part.time[0]).toBeGreaterThanOrEqual(T0 + 400 * DAY);
      expect(part.time[part.time.length - 1]).toBeLessThanOrEqual(T0 + 600 * DAY);
      expect(part.value).toContain(99);
    });

    it('sorts an unsorted batch and keeps the last of repeated times', async () => {
      const s = await open();
      const batch = createObservationBatch(3);
      batch.time.set([T0 + 2 * DAY, T0, T0 + 2 * DAY]);
      batch.value.set([1, 2, 3]);
      await s.ingest({ observations: [{ datastreamId: 'RPL1-alk', batch }] });
      const series = await s.readObservations('RPL1-alk', { end: T0 + 2 * DAY });
      expect(Array.from(series.value)).toEqual([2, 510, 3]);
      expect(Number.isNaN(series.uncertainty[0])).toBe(true);
    });

    it('changes nothing when a dataset is invalid, and says where the problem is', async () => {
      const s = await open();
      const bad = dailyBatch(10, 99, 0, 1000);
      bad.value[7] = NaN;
      const attempt = s.ingest({
        networks: [{ id: 'new-network', name: 'should not appear' }],
        observations: [
          { datastreamId: 'BOMG-east-A', batch: dailyBatch(5, 42, 0) },
          { datastreamId: 'BOMG-east-B', batch: bad },
        ],
      });
      await expect(attempt).rejects.toThrow(InsituInvalidQueryError);
      await expect(attempt).rejects.toThrow('/observations/1/value/7: expected a finite value, got NaN');
      expect(await s.getNetwork('new-network')).toBeUndefined();
      expect((await s.readObservations('BOMG-east-A')).value[0]).toBe(0);
      await expect(
        s.ingest({ stations: [{ id: 'X', networkId: 'missing', name: 'x', longitude: 0, latitude: 0 }] }),
      ).rejects.toThrow(
        "/stations/0/networkId: network 'missing' is neither in the dataset nor in the store",
      );
    });

    it('rejects unknown datastreams with a not-found error', async () => {
      const s = await open();
      await expect(s.readObservations('nope')).rejects.toThrow(InsituNotFoundError);
      await expect(s.datastreamExtent('nope')).rejects.toThrow("datastream 'nope' does not exist");
    });

    it('queries observations with a predicate, ordering, paging and count', async () => {
      const s = await open();
      const page = await s.queryObservations({
        datastreamIds: ['RPL1-alk'],
        predicate: {
          kind: 'and',
          left: { kind: 'compare', field: 'value', op: 'ge', value: 550 },
          right: { kind: 'compare', field: 'time', op: 'lt', value: T0 + 15 * DAY },
        },
        orderBy: [{ field: 'value', descending: true }],
        offset: 1,
        limit: 3,
        count: true,
      });
      expect(page.count).toBe(10);
      expect(page.rows.map((r) => r.value)).toEqual([630, 620, 610]);
      const first = await s.queryObservations({ limit: 2 });
      expect(first.rows.map((r) => r.datastreamId)).toEqual(['BOMG-east-A', 'BOMG-east-A']);
      const none = await s.queryObservations({
        predicate: { kind: 'constant', value: false },
        limit: 5,
        count: true,
      });
      expect(none).toEqual({ rows: [], count: 0 });
    });
  });
}
