/**
 * Station summaries for maps and station pages: each station with its datastreams (variable, solution, unit,
 * time span, observation count, sampling interval and completeness) and its events.
 *
 * Completeness is the share of expected observations that exist over a datastream's own span, the expected
 * count being the span divided by the nominal sampling interval (see nominalGap, over the first
 * observations). It says how gappy a series is, whatever its cadence (30 s GNSS or monthly water samples).
 */
import type { Datastream, DatastreamExtent, Station, StationEvent } from '../model/insitu-types.js';
import type { InsituStore } from '../store/insitu-store.js';

export interface DatastreamSummary {
  id: string;
  name: string;
  observedPropertyId: string;
  observedPropertyName: string;
  /** Processing solution or method, e.g. a GNSS analysis centre's solution name. */
  method?: string;
  unit: Datastream['unit'];
  count: number;
  firstTime?: number;
  lastTime?: number;
  /** Sampling cadence at the start of the series (see nominalGap), in milliseconds. */
  nominalIntervalMs?: number;
  /** Observations present / expected over the datastream's span, between 0 and 1. */
  completeness?: number;
  properties?: Datastream['properties'];
}

export interface StationSummary {
  station: Station;
  datastreams: DatastreamSummary[];
  events: StationEvent[];
}

/** Observations examined to find the nominal interval: enough for a stable median, few enough to be cheap. */
const INTERVAL_SAMPLE = 64;
const DAY = 86_400_000;

/**
 * The sampling cadence of a series: the 10th percentile of the gaps between consecutive times. A median would
 * be inflated when many samples are missing (alternating gaps of 1 and 2 days have a median of 2 days); the
 * low percentile still ignores the occasional doubled sample. Undefined with fewer than two times.
 */
export function nominalGap(times: ArrayLike<number>): number | undefined {
  if (times.length < 2) return undefined;
  const gaps = new Float64Array(times.length - 1);
  for (let i = 1; i < times.length; i++) gaps[i - 1] = times[i] - times[i - 1];
  gaps.sort();
  return gaps[Math.floor(0.1 * (gaps.length - 1))];
}

/** Present / expected observations over [first, last] at the given interval, clamped to [0, 1]. */
export function completenessOf(
  count: number,
  firstTime: number,
  lastTime: number,
  intervalMs: number,
): number {
  if (count <= 1 || intervalMs <= 0) return count > 0 ? 1 : 0;
  const expected = Math.floor((lastTime - firstTime) / intervalMs) + 1;
  return Math.min(1, count / expected);
}

/**
 * The nominal interval of a datastream, from its first observations: the read window starts at a week and
 * doubles until it holds INTERVAL_SAMPLE observations or covers the series, so the cost stays bounded for
 * dense and sparse series alike.
 */
async function nominalInterval(
  store: InsituStore,
  id: string,
  extent: DatastreamExtent,
): Promise<number | undefined> {
  if (extent.count < 2 || extent.firstTime === undefined || extent.lastTime === undefined) return undefined;
  for (let window = 7 * DAY; ; window *= 2) {
    const end = Math.min(extent.lastTime, extent.firstTime + window);
    const batch = await store.readObservations(id, { start: extent.firstTime, end });
    if (batch.time.length >= INTERVAL_SAMPLE || end >= extent.lastTime) {
      return nominalGap(batch.time.subarray(0, INTERVAL_SAMPLE));
    }
  }
}

async function summarizeDatastream(
  store: InsituStore,
  datastream: Datastream,
  propertyNames: Map<string, string>,
): Promise<DatastreamSummary> {
  const extent = await store.datastreamExtent(datastream.id);
  const interval = await nominalInterval(store, datastream.id, extent);
  return {
    id: datastream.id,
    name: datastream.name,
    observedPropertyId: datastream.observedPropertyId,
    observedPropertyName: propertyNames.get(datastream.observedPropertyId) ?? datastream.observedPropertyId,
    method: datastream.method,
    unit: datastream.unit,
    properties: datastream.properties,
    count: extent.count,
    firstTime: extent.firstTime,
    lastTime: extent.lastTime,
    nominalIntervalMs: interval,
    completeness:
      interval !== undefined && extent.firstTime !== undefined && extent.lastTime !== undefined
        ? completenessOf(extent.count, extent.firstTime, extent.lastTime, interval)
        : undefined,
  };
}

/** Summaries of every station (of one network when given), in the store's station order. */
export async function summarizeStations(store: InsituStore, networkId?: string): Promise<StationSummary[]> {
  const [stations, datastreams, events, properties] = await Promise.all([
    store.listStations(networkId),
    store.listDatastreams(),
    store.listEvents(),
    store.listObservedProperties(),
  ]);
  const propertyNames = new Map(properties.map((p) => [p.id, p.name]));
  return Promise.all(
    stations.map(async (station) => ({
      station,
      datastreams: await Promise.all(
        datastreams
          .filter((d) => d.stationId === station.id)
          .map((d) => summarizeDatastream(store, d, propertyNames)),
      ),
      events: events.filter((e) => e.stationId === station.id),
    })),
  );
}
