/**
 * The SQLite in-situ store (better-sqlite3, WAL). Sized for 100 million observations: observations are
 * stored in blocks of up to 8192 (see observation-blocks.ts), so ingest runs at several million
 * observations per second and reading one series touches only that series' blocks.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
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
import { queryObservationsWith } from '../query-observations.js';
import type { ObservationPage, ObservationQuery } from '../../query/observation-query.js';
import type { IngestResult, InsituStore, ObservationRange } from '../insitu-store.js';
import {
  BLOCK_SIZE,
  decodeBlockInto,
  encodeBlock,
  mergeBatches,
  normalizeBatch,
  overviewOf,
  sliceBatch,
} from '../observation-blocks.js';
import { validateDataset, type EntityKind } from '../validate-dataset.js';
import { INSITU_SCHEMA_SQL } from './sqlite-insitu-schema.js';

/** Where the store lives: a file path, `:memory:`, or a data directory holding `insitu.sqlite`. */
export interface SqliteInsituStoreOptions {
  readonly path?: string;
  readonly dataDir?: string;
}

interface BlockRow {
  start_time: number;
  end_time: number;
  count: number;
  has_uncertainty: number;
  data: Uint8Array;
}

/**
 * Opens (creating if needed) a SQLite in-situ store.
 * @example const store = openSqliteInsituStore({ dataDir: './data' }); // ./data/insitu.sqlite
 */
export function openSqliteInsituStore(options: SqliteInsituStoreOptions): SqliteInsituStore {
  let path = options.path;
  if (path === undefined) {
    if (options.dataDir === undefined) throw new Error('openSqliteInsituStore needs a path or a dataDir');
    mkdirSync(options.dataDir, { recursive: true });
    path = join(options.dataDir, 'insitu.sqlite');
  }
  return new SqliteInsituStore(new Database(path));
}

export class SqliteInsituStore implements InsituStore {
  readonly capabilities = { transactions: true };
  private readonly statements;
  private readonly keys = new Map<string, number>();

  constructor(private readonly db: Database.Database) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    const version = db.pragma('user_version', { simple: true }) as number;
    db.exec(INSITU_SCHEMA_SQL);
    const prepare = (sql: string): Database.Statement => db.prepare(sql);
    this.statements = {
      putNetwork: prepare(
        'INSERT INTO network (id, doc) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET doc = excluded.doc',
      ),
      putStation: prepare(
        'INSERT INTO station (id, network_id, doc) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET network_id = excluded.network_id, doc = excluded.doc',
      ),
      putEvent: prepare(
        'INSERT INTO station_event (station_id, time, kind, doc) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET doc = excluded.doc',
      ),
      putObservedProperty: prepare(
        'INSERT INTO observed_property (id, doc) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET doc = excluded.doc',
      ),
      putSensor: prepare(
        'INSERT INTO sensor (id, doc) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET doc = excluded.doc',
      ),
      putDatastream: prepare(
        `INSERT INTO datastream (id, station_id, observed_property_id, sensor_id, doc) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET station_id = excluded.station_id,
           observed_property_id = excluded.observed_property_id, sensor_id = excluded.sensor_id, doc = excluded.doc`,
      ),
      exists: {
        network: prepare('SELECT 1 FROM network WHERE id = ?').pluck(),
        station: prepare('SELECT 1 FROM station WHERE id = ?').pluck(),
        observedProperty: prepare('SELECT 1 FROM observed_property WHERE id = ?').pluck(),
        sensor: prepare('SELECT 1 FROM sensor WHERE id = ?').pluck(),
        datastream: prepare('SELECT 1 FROM datastream WHERE id = ?').pluck(),
      } satisfies Record<EntityKind, Database.Statement>,
      datastreamKey: prepare('SELECT key FROM datastream WHERE id = ?').pluck(),
      previousBlockStart: prepare(
        'SELECT start_time FROM observation_block WHERE datastream = ? AND start_time <= ? ORDER BY start_time DESC LIMIT 1',
      ).pluck(),
      blocksFrom: prepare(
        'SELECT start_time, end_time, count, has_uncertainty, data FROM observation_block WHERE datastream = ? AND start_time >= ? AND start_time <= ? ORDER BY start_time',
      ),
      overviewFrom: prepare(
        'SELECT start_time, count, has_uncertainty, data FROM observation_overview WHERE datastream = ? AND start_time >= ? AND start_time <= ? ORDER BY start_time',
      ),
      deleteOverviews: prepare(
        'DELETE FROM observation_overview WHERE datastream = ? AND start_time >= ? AND start_time <= ?',
      ),
      insertOverview: prepare(
        'INSERT INTO observation_overview (datastream, start_time, count, has_uncertainty, data) VALUES (?, ?, ?, ?, ?)',
      ),
      deleteBlocks: prepare(
        'DELETE FROM observation_block WHERE datastream = ? AND start_time >= ? AND start_time <= ?',
      ),
      insertBlock: prepare(
        'INSERT INTO observation_block (datastream, start_time, end_time, count, has_uncertainty, data) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      extent: prepare(
        'SELECT coalesce(sum(count), 0) AS count, min(start_time) AS first, max(end_time) AS last FROM observation_block WHERE datastream = ?',
      ),
    };
    this.migrate(version);
  }

  /** Schema 1 had no overview: build it from the blocks, once. */
  private migrate(fromVersion: number): void {
    if (fromVersion !== 1) return;
    const blocks = this.db
      .prepare('SELECT datastream, start_time, end_time, count, has_uncertainty, data FROM observation_block')
      .all() as (BlockRow & { datastream: number })[];
    this.db.transaction(() => {
      for (const block of blocks) this.writeOverview(block.datastream, this.decode([block]), 0, block.count);
    })();
  }

  async ingest(dataset: InsituDataset): Promise<IngestResult> {
    const s = this.statements;
    const write = this.db.transaction((): IngestResult => {
      validateDataset(dataset, (kind, id) => s.exists[kind].get(id) !== undefined);
      for (const n of dataset.networks ?? []) s.putNetwork.run(n.id, JSON.stringify(n));
      for (const p of dataset.observedProperties ?? []) s.putObservedProperty.run(p.id, JSON.stringify(p));
      for (const x of dataset.sensors ?? []) s.putSensor.run(x.id, JSON.stringify(x));
      for (const x of dataset.stations ?? []) s.putStation.run(x.id, x.networkId, JSON.stringify(x));
      for (const e of dataset.events ?? []) s.putEvent.run(e.stationId, e.time, e.kind, JSON.stringify(e));
      for (const d of dataset.datastreams ?? []) {
        s.putDatastream.run(d.id, d.stationId, d.observedPropertyId, d.sensorId ?? null, JSON.stringify(d));
      }
      let observations = 0;
      for (const { datastreamId, batch } of dataset.observations ?? []) {
        this.writeObservations(this.datastreamKey(datastreamId), normalizeBatch(batch));
        observations += batch.time.length;
      }
      return {
        networks: dataset.networks?.length ?? 0,
        stations: dataset.stations?.length ?? 0,
        events: dataset.events?.length ?? 0,
        datastreams: dataset.datastreams?.length ?? 0,
        observations,
      };
    });
    try {
      return write();
    } catch (error) {
      // A rolled-back datastream may have been cached with a key SQLite will hand out again.
      this.keys.clear();
      throw error;
    }
  }

  async listNetworks(): Promise<Network[]> {
    return this.docs('SELECT doc FROM network ORDER BY id');
  }
  async getNetwork(id: string): Promise<Network | undefined> {
    return this.docs<Network>('SELECT doc FROM network WHERE id = ?', id)[0];
  }
  async listStations(networkId?: string): Promise<Station[]> {
    return networkId === undefined
      ? this.docs('SELECT doc FROM station ORDER BY id')
      : this.docs('SELECT doc FROM station WHERE network_id = ? ORDER BY id', networkId);
  }
  async getStation(id: string): Promise<Station | undefined> {
    return this.docs<Station>('SELECT doc FROM station WHERE id = ?', id)[0];
  }
  async listEvents(stationId?: string): Promise<StationEvent[]> {
    return stationId === undefined
      ? this.docs('SELECT doc FROM station_event ORDER BY time, station_id, kind')
      : this.docs('SELECT doc FROM station_event WHERE station_id = ? ORDER BY time, kind', stationId);
  }
  async listObservedProperties(): Promise<ObservedProperty[]> {
    return this.docs('SELECT doc FROM observed_property ORDER BY id');
  }
  async getObservedProperty(id: string): Promise<ObservedProperty | undefined> {
    return this.docs<ObservedProperty>('SELECT doc FROM observed_property WHERE id = ?', id)[0];
  }
  async listSensors(): Promise<Sensor[]> {
    return this.docs('SELECT doc FROM sensor ORDER BY id');
  }
  async getSensor(id: string): Promise<Sensor | undefined> {
    return this.docs<Sensor>('SELECT doc FROM sensor WHERE id = ?', id)[0];
  }
  async listDatastreams(stationId?: string): Promise<Datastream[]> {
    return stationId === undefined
      ? this.docs('SELECT doc FROM datastream ORDER BY id')
      : this.docs('SELECT doc FROM datastream WHERE station_id = ? ORDER BY id', stationId);
  }
  async getDatastream(id: string): Promise<Datastream | undefined> {
    return this.docs<Datastream>('SELECT doc FROM datastream WHERE id = ?', id)[0];
  }

  async datastreamExtent(datastreamId: string): Promise<DatastreamExtent> {
    const row = this.statements.extent.get(this.datastreamKey(datastreamId)) as {
      count: number;
      first: number | null;
      last: number | null;
    };
    return { count: row.count, firstTime: row.first ?? undefined, lastTime: row.last ?? undefined };
  }

  async readObservations(datastreamId: string, range: ObservationRange = {}): Promise<ObservationBatch> {
    return this.readRange(this.datastreamKey(datastreamId), range.start ?? -Infinity, range.end ?? Infinity);
  }

  async readOverview(datastreamId: string, range: ObservationRange = {}): Promise<ObservationBatch> {
    const key = this.datastreamKey(datastreamId);
    const start = range.start ?? -Infinity;
    const end = range.end ?? Infinity;
    if (start > end) return createObservationBatch(0);
    const s = this.statements;
    const from =
      (s.previousBlockStart.get(key, clampTime(start)) as number | undefined) ?? Number.MIN_SAFE_INTEGER;
    const overview = this.decode(s.overviewFrom.all(key, from, clampTime(end)) as BlockRow[]);
    return sliceBatch(overview, lowerBound(overview.time, start), lowerBound(overview.time, end, true));
  }

  async queryObservations(query: ObservationQuery): Promise<ObservationPage> {
    const ids =
      query.datastreamIds ??
      (this.db.prepare('SELECT id FROM datastream ORDER BY key').pluck().all() as string[]);
    return queryObservationsWith(query, ids, (id, start, end) =>
      this.readRange(this.datastreamKey(id), start, end),
    );
  }

  async close(): Promise<void> {
    this.db.close();
  }

  private docs<T>(sql: string, ...params: unknown[]): T[] {
    return (
      this.db
        .prepare(sql)
        .pluck()
        .all(...params) as string[]
    ).map((doc) => JSON.parse(doc) as T);
  }

  private datastreamKey(id: string): number {
    let key = this.keys.get(id);
    if (key === undefined) {
      key = this.statements.datastreamKey.get(id) as number | undefined;
      if (key === undefined) throw new InsituNotFoundError('datastream', id);
      this.keys.set(id, key);
    }
    return key;
  }

  /** Blocks that may hold observations in [start, end]: the last one starting at or before `start`, and on. */
  private blocks(key: number, start: number, end: number): BlockRow[] {
    const s = this.statements;
    const from =
      (s.previousBlockStart.get(key, clampTime(start)) as number | undefined) ?? Number.MIN_SAFE_INTEGER;
    return s.blocksFrom.all(key, from, clampTime(end)) as BlockRow[];
  }

  private decode(blocks: BlockRow[]): ObservationBatch {
    const total = blocks.reduce((sum, b) => sum + b.count, 0);
    const batch = createObservationBatch(total);
    let offset = 0;
    for (const block of blocks) {
      decodeBlockInto(block.data, block.count, block.has_uncertainty === 1, batch, offset);
      offset += block.count;
    }
    return batch;
  }

  private readRange(key: number, start: number, end: number): ObservationBatch {
    if (start > end) return createObservationBatch(0);
    const batch = this.decode(this.blocks(key, start, end));
    const from = lowerBound(batch.time, start);
    const to = lowerBound(batch.time, end, true);
    return from === 0 && to === batch.time.length ? batch : sliceBatch(batch, from, to);
  }

  /**
   * Upserts a sorted batch: decodes the blocks it overlaps (and a partly filled block just before it, so
   * that appending day by day does not leave tiny blocks), merges, and rewrites them.
   */
  private writeObservations(key: number, batch: ObservationBatch): void {
    const n = batch.time.length;
    if (n === 0) return;
    const s = this.statements;
    const first = batch.time[0];
    const last = batch.time[n - 1];
    let existing = this.blocks(key, first, last);
    const previous = existing[0];
    if (previous !== undefined && previous.end_time < first && previous.count >= BLOCK_SIZE)
      existing = existing.slice(1);
    let merged = batch;
    if (existing.length > 0) {
      merged = mergeBatches(this.decode(existing), batch);
      s.deleteBlocks.run(key, existing[0].start_time, existing[existing.length - 1].start_time);
      s.deleteOverviews.run(key, existing[0].start_time, existing[existing.length - 1].start_time);
    }
    for (let from = 0; from < merged.time.length; from += BLOCK_SIZE) {
      const block = encodeBlock(merged, from, Math.min(from + BLOCK_SIZE, merged.time.length));
      s.insertBlock.run(
        key,
        block.startTime,
        block.endTime,
        block.count,
        block.hasUncertainty ? 1 : 0,
        block.data,
      );
      this.writeOverview(key, merged, from, Math.min(from + BLOCK_SIZE, merged.time.length));
    }
  }

  /** Writes the overview of observations `from..to` of a batch, keyed like the block they form. */
  private writeOverview(key: number, batch: ObservationBatch, from: number, to: number): void {
    const overview = overviewOf(batch, from, to);
    const encoded = encodeBlock(overview, 0, overview.time.length);
    const hasUncertainty = encoded.hasUncertainty ? 1 : 0;
    this.statements.insertOverview.run(key, batch.time[from], encoded.count, hasUncertainty, encoded.data);
  }
}

/** SQLite integers cannot hold ±Infinity; clamp open bounds to the safe integer range. */
function clampTime(time: number): number {
  return Math.max(Number.MIN_SAFE_INTEGER, Math.min(Number.MAX_SAFE_INTEGER, time));
}

/** First index with time ≥ bound (or > bound when `after`). */
function lowerBound(time: Float64Array, bound: number, after = false): number {
  let low = 0;
  let high = time.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (time[middle] < bound || (after && time[middle] === bound)) low = middle + 1;
    else high = middle;
  }
  return low;
}
