/**
 * The storage contract of the in-situ capability. Every backend implements it and passes
 * test/insitu/conformance/. Metadata writes and observation writes go through `ingest`, which applies a
 * whole dataset in one transaction: either everything is written or nothing is.
 */
import type {
  Datastream,
  DatastreamExtent,
  InsituDataset,
  Network,
  ObservationBatch,
  ObservedProperty,
  Sensor,
  Station,
  StationEvent,
} from '../model/insitu-types.js';
import type { ObservationPage, ObservationQuery } from '../query/observation-query.js';

export interface InsituStoreCapabilities {
  /** `ingest` is atomic. */
  readonly transactions: boolean;
}

/** What one ingest wrote (observations counted as received, re-ingested ones included). */
export interface IngestResult {
  readonly networks: number;
  readonly stations: number;
  readonly events: number;
  readonly datastreams: number;
  readonly observations: number;
}

/** A time range and page of one datastream's observations, epoch ms, both ends included. */
export interface ObservationRange {
  readonly start?: number;
  readonly end?: number;
}

export interface InsituStore {
  readonly capabilities: InsituStoreCapabilities;

  /**
   * Upserts every entity of the dataset and upserts observations on (datastream, time), in one transaction.
   * References (station → network, datastream → station/observed property/sensor, event → station,
   * observations → datastream) must resolve in the dataset or the store.
   * @throws InsituInvalidQueryError naming the first dangling reference or bad value; nothing is written.
   */
  ingest(dataset: InsituDataset): Promise<IngestResult>;

  listNetworks(): Promise<Network[]>;
  getNetwork(id: string): Promise<Network | undefined>;
  listStations(networkId?: string): Promise<Station[]>;
  getStation(id: string): Promise<Station | undefined>;
  /** Events of one station, or of all stations, by time. */
  listEvents(stationId?: string): Promise<StationEvent[]>;
  listObservedProperties(): Promise<ObservedProperty[]>;
  getObservedProperty(id: string): Promise<ObservedProperty | undefined>;
  listSensors(): Promise<Sensor[]>;
  getSensor(id: string): Promise<Sensor | undefined>;
  listDatastreams(stationId?: string): Promise<Datastream[]>;
  getDatastream(id: string): Promise<Datastream | undefined>;

  /** Count and time span of a datastream's observations. @throws InsituNotFoundError */
  datastreamExtent(datastreamId: string): Promise<DatastreamExtent>;
  /** Observations of one datastream in a time range, sorted by time. @throws InsituNotFoundError */
  readObservations(datastreamId: string, range?: ObservationRange): Promise<ObservationBatch>;
  /**
   * The overview of a datastream in a time range: the smallest and largest observation of every run of 64
   * consecutive observations (OVERVIEW_CHUNK), in time order. For plotting a long series at far fewer
   * points than it has: same envelope, 32 times less data read. @throws InsituNotFoundError
   */
  readOverview(datastreamId: string, range?: ObservationRange): Promise<ObservationBatch>;
  /** Filtered, ordered, paged observations across datastreams (SensorThings Observations). */
  queryObservations(query: ObservationQuery): Promise<ObservationPage>;

  close(): Promise<void>;
}
