import { describe, expect, it } from 'vitest';
import { createObservationBatch } from '../../../src/insitu/model/insitu-types.js';
import { completenessOf, nominalGap, summarizeStations } from '../../../src/insitu/query/station-summary.js';
import { MemoryInsituStore } from '../../../src/insitu/store/memory/memory-insitu-store.js';
import { DAY, T0, fixtureDataset } from '../conformance/insitu-fixtures.js';

describe('nominalGap and completenessOf', () => {
  it('finds the sampling cadence despite missing samples', () => {
    expect(nominalGap([0, 10, 20, 30, 100, 110])).toBe(10);
    // Alternating gaps of 2 and 1 (a third of the samples missing): the cadence is still 1.
    expect(nominalGap([0, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15])).toBe(1);
    expect(nominalGap([5])).toBeUndefined();
  });

  it('counts present over expected observations', () => {
    // Daily over 10 days (11 expected) with 2 missing.
    expect(completenessOf(9, 0, 10 * DAY, DAY)).toBeCloseTo(9 / 11, 12);
    expect(completenessOf(11, 0, 10 * DAY, DAY)).toBe(1);
    expect(completenessOf(1, 0, 0, DAY)).toBe(1);
    expect(completenessOf(0, 0, 0, DAY)).toBe(0);
  });
});

describe('summarizeStations', () => {
  it('summarises every station with datastreams, spans, completeness and events', async () => {
    const store = new MemoryInsituStore();
    const dataset = fixtureDataset();
    // Knock every third day out of solution B: 200 of 300 days remain.
    const full = dataset.observations![1].batch;
    const kept = createObservationBatch(200);
    let n = 0;
    for (let i = 0; i < full.time.length; i++) {
      if (i % 3 === 1) continue;
      kept.time[n] = full.time[i];
      kept.value[n] = full.value[i];
      n++;
    }
    const observations = [...dataset.observations!];
    observations[1] = { datastreamId: 'BOMG-east-B', batch: kept };
    await store.ingest({ ...dataset, observations });

    const summaries = await summarizeStations(store);
    expect(summaries.map((s) => s.station.id).sort()).toEqual(['BOMG', 'RPL1']);
    const bomg = summaries.find((s) => s.station.id === 'BOMG')!;
    expect(bomg.events.map((e) => e.kind).sort()).toEqual(['equipment-change', 'eruption']);
    const a = bomg.datastreams.find((d) => d.id === 'BOMG-east-A')!;
    expect(a).toMatchObject({
      method: 'solution-A',
      observedPropertyName: 'East displacement',
      count: 400,
      firstTime: T0,
      lastTime: T0 + 399 * DAY,
      nominalIntervalMs: DAY,
      completeness: 1,
    });
    const b = bomg.datastreams.find((d) => d.id === 'BOMG-east-B')!;
    // Gaps of 2 and 1 days alternate: the cadence is daily and 200 of the 300 days from first to last are present.
    expect(b).toMatchObject({ count: 200, nominalIntervalMs: DAY });
    expect(b.completeness).toBeCloseTo(200 / 300, 12);

    const only = await summarizeStations(store, 'erorun');
    expect(only.map((s) => s.station.id)).toEqual(['RPL1']);
  });
});
