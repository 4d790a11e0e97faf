/**
 * An in-memory in-situ store: for tests, demos without a data directory, and as the second backend that
 * keeps the conformance suite honest about what belongs to the contract and what to SQLite.
 * Limits: everything lives in the process heap (about 25 bytes per observation); nothing is persisted.
 */
import { InsituNotFoundError } from '../../insitu-errors.js';
import {
  createObservationBatch,
  type Datastream,
  type DatastreamExtent,
  type InsituDataset,
  type Network,
  type ObservationBatch,
  type ObservedProperty,
  type Sensor,
  type Station,
  type StationEvent,
} from '../../model/insitu-types.js';
import type { ObservationPage, ObservationQuery } from '../../query/observation-query.js';
import type { IngestResult, InsituStore, ObservationRange } from '../insitu-store.js';
import { mergeBatches, normalizeBatch, overviewOf, sliceBatch } from '../observation-blocks.js';
import { queryObservationsWith } from '../query-observations.js';
import { validateDataset } from '../validate-dataset.js';

const byId = <T extends { id: string }>(map: Map<string, T>): T[] =>
  [...map.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

export class MemoryInsituStore implements InsituStore {
  readonly capabilities = { transactions: true };
  private readonly networks = new Map<string, Network>();
  private readonly stations = new Map<string, Station>();
  private readonly events = new Map<string, StationEvent>();
  private readonly properties = new Map<string, ObservedProperty>();
  private readonly sensors = new Map<string, Sensor>();
  private readonly datastreams = new Map<string, Datastream>();
  private readonly series = new Map<string, ObservationBatch>();

  /** Validates the whole dataset first; in-memory writes cannot fail afterwards, so the ingest is atomic. */
  async ingest(dataset: InsituDataset): Promise<IngestResult> {
    const maps = {
      network: this.networks,
      station: this.stations,
      observedProperty: this.properties,
      sensor: this.sensors,
      datastream: this.datastreams,
    };
    validateDataset(dataset, (kind, id) => maps[kind].has(id));
    const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
    for (const n of dataset.networks ?? []) this.networks.set(n.id, clone(n));
    for (const p of dataset.observedProperties ?? []) this.properties.set(p.id, clone(p));
    for (const s of dataset.sensors ?? []) this.sensors.set(s.id, clone(s));
    for (const s of dataset.stations ?? []) this.stations.set(s.id, clone(s));
    for (const e of dataset.events ?? [])
      this.events.set(`${e.stationId}\u0000${e.time}\u0000${e.kind}`, clone(e));
    for (const d of dataset.datastreams ?? []) this.datastreams.set(d.id, clone(d));
    let observations = 0;
    for (const { datastreamId, batch } of dataset.observations ?? []) {
      const incoming = normalizeBatch(batch);
      const existing = this.series.get(datastreamId);
      this.series.set(
        datastreamId,
        existing ? mergeBatches(existing, incoming) : sliceBatch(incoming, 0, incoming.time.length),
      );
      observations += batch.time.length;
    }
    return {
      networks: dataset.networks?.length ?? 0,
      stations: dataset.stations?.length ?? 0,
      events: dataset.events?.length ?? 0,
      datastreams: dataset.datastreams?.length ?? 0,
      observations,
    };
  }

  async listNetworks(): Promise<Network[]> {
    return byId(this.networks);
  }
  async getNetwork(id: string): Promise<Network | undefined> {
    return this.networks.get(id);
  }
  async listStations(networkId?: string): Promise<Station[]> {
    return byId(this.stations).filter((s) => networkId === undefined || s.networkId === networkId);
  }
  async getStation(id: string): Promise<Station | undefined> {
    return this.stations.get(id);
  }
  async listEvents(stationId?: string): Promise<StationEvent[]> {
    return [...this.events.values()]
      .filter((e) => stationId === undefined || e.stationId === stationId)
      .sort(
        (a, b) =>
          a.time - b.time ||
          (a.stationId < b.stationId ? -1 : a.stationId > b.stationId ? 1 : 0) ||
          (a.kind < b.kind ? -1 : 1),
      );
  }
  async listObservedProperties(): Promise<ObservedProperty[]> {
    return byId(this.properties);
  }
  async getObservedProperty(id: string): Promise<ObservedProperty | undefined> {
    return this.properties.get(id);
  }
  async listSensors(): Promise<Sensor[]> {
    return byId(this.sensors);
  }
  async getSensor(id: string): Promise<Sensor | undefined> {
    return this.sensors.get(id);
  }
  async listDatastreams(stationId?: string): Promise<Datastream[]> {
    return byId(this.datastreams).filter((d) => stationId === undefined || d.stationId === stationId);
  }
  async getDatastream(id: string): Promise<Datastream | undefined> {
    return this.datastreams.get(id);
  }

  async datastreamExtent(datastreamId: string): Promise<DatastreamExtent> {
    const batch = this.seriesOf(datastreamId);
    const n = batch.time.length;
    return n === 0 ? { count: 0 } : { count: n, firstTime: batch.time[0], lastTime: batch.time[n - 1] };
  }

  async readObservations(datastreamId: string, range: ObservationRange = {}): Promise<ObservationBatch> {
    return this.range(datastreamId, range.start ?? -Infinity, range.end ?? Infinity);
  }

  async readOverview(datastreamId: string, range: ObservationRange = {}): Promise<ObservationBatch> {
    const batch = await this.readObservations(datastreamId, range);
    return overviewOf(batch, 0, batch.time.length);
  }

  async queryObservations(query: ObservationQuery): Promise<ObservationPage> {
    const ids = query.datastreamIds ?? [...this.datastreams.keys()];
    return queryObservationsWith(query, ids, (id, start, end) => this.range(id, start, end));
  }

  async close(): Promise<void> {}

  private seriesOf(datastreamId: string): ObservationBatch {
    if (!this.datastreams.has(datastreamId)) throw new InsituNotFoundError('datastream', datastreamId);
    return this.series.get(datastreamId) ?? createObservationBatch(0);
  }

  private range(datastreamId: string, start: number, end: number): ObservationBatch {
    const batch = this.seriesOf(datastreamId);
    if (start > end) return createObservationBatch(0);
    // Binary searches: first time ≥ start, first time > end.
    const from = firstIndex(batch.time, (t) => t >= start);
    const to = firstIndex(batch.time, (t) => t > end);
    return sliceBatch(batch, from, to);
  }
}

/** First index whose time satisfies a predicate that is monotone over the sorted times. */
function firstIndex(time: Float64Array, predicate: (t: number) => boolean): number {
  let low = 0;
  let high = time.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (predicate(time[middle])) high = middle;
    else low = middle + 1;
  }
  return low;
}
