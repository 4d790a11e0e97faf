/**
 * In-situ benchmark (not a test): ingest rate, read + downsample latency of a 20-year daily series and of a
 * 1-year 30-second series, and MIDAS / trajectory-fit time on a 20-year daily series.
 *
 * Run: `npx tsx bench/insitu/insitu-bench.ts` (100 M observations, about 3 GB in a temporary directory,
 * removed at the end). `INSITU_BENCH_OBSERVATIONS=10000000` for a quicker run.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { downsampleBatch } from '../../src/insitu/downsample/downsample-batch.js';
import { decimalYearsOf } from '../../src/insitu/gnss/gnss-time.js';
import { midasFromPairs, selectMidasPairs } from '../../src/insitu/gnss/midas-velocity.js';
import { fitTrajectory } from '../../src/insitu/gnss/trajectory-model.js';
import { createObservationBatch, type Datastream } from '../../src/insitu/model/insitu-types.js';
import { openSqliteInsituStore } from '../../src/insitu/store/sqlite/sqlite-insitu-store.js';

const TOTAL = Number(process.env.INSITU_BENCH_OBSERVATIONS ?? 100_000_000);
const PER_STREAM = 1_000_000;
const STREAMS_PER_TRANSACTION = 4;
const DAY = 86_400_000;
const START = Date.UTC(2005, 0, 1, 12);

/** Deterministic xorshift noise, so runs are comparable. */
let state = 2463534242;
function noise(): number {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 4294967296 - 0.5;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function time<T>(runs: number, run: () => Promise<T> | T): Promise<{ p50: number; p95: number }> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

const stream = (id: string): Datastream => ({
  id,
  stationId: 'bench',
  name: id,
  observedPropertyId: 'value',
  unit: { name: 'metre', symbol: 'm', definition: 'http://qudt.org/vocab/unit/M' },
});

const dir = mkdtempSync(join(tmpdir(), 'fournaise-insitu-bench-'));
const store = openSqliteInsituStore({ dataDir: dir });
try {
  const bulkStreams = Math.ceil(TOTAL / PER_STREAM);
  await store.ingest({
    networks: [{ id: 'bench', name: 'bench' }],
    stations: [{ id: 'bench', networkId: 'bench', name: 'bench', longitude: 55.7, latitude: -21.2 }],
    observedProperties: [{ id: 'value', name: 'value', definition: 'urn:bench' }],
    datastreams: [
      ...Array.from({ length: bulkStreams }, (_, i) => stream(`bulk-${i}`)),
      stream('daily-20y'),
      stream('30s-1y'),
    ],
  });

  // Ingest: 30-second series of 1 M observations each (about a year), 4 per transaction.
  let ingestMs = 0;
  let written = 0;
  for (let s = 0; s < bulkStreams; s += STREAMS_PER_TRANSACTION) {
    const observations = [];
    for (let k = s; k < Math.min(bulkStreams, s + STREAMS_PER_TRANSACTION); k++) {
      const b = createObservationBatch(PER_STREAM);
      for (let i = 0; i < PER_STREAM; i++) {
        b.time[i] = START + i * 30_000;
        b.value[i] = Math.sin(i / 2880) + noise();
        b.uncertainty[i] = 0.01;
        b.quality[i] = 1;
      }
      observations.push({ datastreamId: `bulk-${k}`, batch: b });
    }
    const start = performance.now();
    await store.ingest({ observations });
    ingestMs += performance.now() - start;
    written += observations.length * PER_STREAM;
  }
  const fileBytes = statSync(join(dir, 'insitu.sqlite')).size;

  // The two plotting series.
  const daily = createObservationBatch(Math.round(20 * 365.25));
  for (let i = 0; i < daily.time.length; i++) {
    daily.time[i] = START + i * DAY;
    daily.value[i] = 0.012 * (i / 365.25) + 0.003 * Math.sin((2 * Math.PI * i) / 365.25) + 0.004 * noise();
    daily.uncertainty[i] = 0.002;
  }
  const fast = createObservationBatch(1_051_200);
  for (let i = 0; i < fast.time.length; i++) {
    fast.time[i] = START + i * 30_000;
    fast.value[i] = Math.sin(i / 2880) + noise();
  }
  await store.ingest({
    observations: [
      { datastreamId: 'daily-20y', batch: daily },
      { datastreamId: '30s-1y', batch: fast },
    ],
  });

  const readDaily = await time(50, async () =>
    downsampleBatch(await store.readObservations('daily-20y'), 'lttb', 2000),
  );
  const readDailyMinMax = await time(50, async () =>
    downsampleBatch(await store.readObservations('daily-20y'), 'minmax', 2000),
  );
  const readFast = await time(30, async () =>
    downsampleBatch(await store.readObservations('30s-1y'), 'minmax', 2000),
  );
  const readFastLttb = await time(30, async () =>
    downsampleBatch(await store.readObservations('30s-1y'), 'lttb', 2000),
  );
  const overviewFast = await time(50, async () =>
    downsampleBatch(await store.readOverview('30s-1y'), 'minmax', 2000),
  );
  const overviewFastLttb = await time(50, async () =>
    downsampleBatch(await store.readOverview('30s-1y'), 'lttb', 2000),
  );
  const readFastMonth = await time(50, async () =>
    downsampleBatch(
      await store.readObservations('30s-1y', { start: START + 100 * DAY, end: START + 130 * DAY }),
      'minmax',
      2000,
    ),
  );

  const years = decimalYearsOf(daily.time);
  const midas = await time(20, () => midasFromPairs(years, daily.value, selectMidasPairs(years)));
  const midas3 = await time(20, () => {
    const pairs = selectMidasPairs(years);
    for (let c = 0; c < 3; c++) midasFromPairs(years, daily.value, pairs);
  });
  const trajectory = await time(20, () =>
    fitTrajectory(years, daily.value, daily.uncertainty, { steps: [2010.5, 2017.2] }),
  );

  const ms = (x: { p50: number; p95: number }) => `p50 ${x.p50.toFixed(2)} ms, p95 ${x.p95.toFixed(2)} ms`;
  console.log(`node ${process.version}, ${new Date().toISOString()}`);
  console.log(
    `ingest: ${written.toLocaleString('en')} observations in ${(ingestMs / 1000).toFixed(1)} s = ${(((written / ingestMs) * 1000) / 1e6).toFixed(2)} M obs/s; file ${(fileBytes / 1e9).toFixed(2)} GB`,
  );
  console.log(`read + LTTB 2000, 20-year daily (7305 obs): ${ms(readDaily)}`);
  console.log(`read + min/max 2000, 20-year daily: ${ms(readDailyMinMax)}`);
  console.log(`read + min/max 2000, 1-year 30 s (1,051,200 obs): ${ms(readFast)}`);
  console.log(`read + LTTB 2000, 1-year 30 s: ${ms(readFastLttb)}`);
  console.log(`overview + min/max 2000, 1-year 30 s (what the series route does): ${ms(overviewFast)}`);
  console.log(`overview + LTTB 2000, 1-year 30 s: ${ms(overviewFastLttb)}`);
  console.log(`read + min/max 2000, 30 days of the 30 s series: ${ms(readFastMonth)}`);
  console.log(`MIDAS one component, 20-year daily: ${ms(midas)}`);
  console.log(`MIDAS three components (one pair selection), 20-year daily: ${ms(midas3)}`);
  console.log(`trajectory fit (8 parameters), 20-year daily: ${ms(trajectory)}`);
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
