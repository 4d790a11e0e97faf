/**
 * Schema of the SQLite in-situ store (its own file, `<dataDir>/insitu.sqlite`). Metadata entities are one
 * JSON document per row with their reference columns; observations live in blocks (see observation-blocks.ts).
 */
export const INSITU_SCHEMA_VERSION = 2;

export const INSITU_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS network (id TEXT PRIMARY KEY, doc TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS station (
  id TEXT PRIMARY KEY,
  network_id TEXT NOT NULL REFERENCES network(id),
  doc TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS station_network ON station(network_id);
CREATE TABLE IF NOT EXISTS station_event (
  station_id TEXT NOT NULL REFERENCES station(id),
  time INTEGER NOT NULL,
  kind TEXT NOT NULL,
  doc TEXT NOT NULL,
  PRIMARY KEY (station_id, time, kind)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS observed_property (id TEXT PRIMARY KEY, doc TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sensor (id TEXT PRIMARY KEY, doc TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS datastream (
  key INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  station_id TEXT NOT NULL REFERENCES station(id),
  observed_property_id TEXT NOT NULL REFERENCES observed_property(id),
  sensor_id TEXT REFERENCES sensor(id),
  doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS datastream_station ON datastream(station_id);
-- Time-ordered, non-overlapping blocks of one datastream's observations; one series is a range scan.
CREATE TABLE IF NOT EXISTS observation_block (
  datastream INTEGER NOT NULL REFERENCES datastream(key),
  start_time INTEGER NOT NULL,
  end_time INTEGER NOT NULL,
  count INTEGER NOT NULL,
  has_uncertainty INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (datastream, start_time)
) WITHOUT ROWID;
-- Min/max of every 64 consecutive observations of each block, same key as the block (schema version 2).
CREATE TABLE IF NOT EXISTS observation_overview (
  datastream INTEGER NOT NULL REFERENCES datastream(key),
  start_time INTEGER NOT NULL,
  count INTEGER NOT NULL,
  has_uncertainty INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (datastream, start_time)
) WITHOUT ROWID;
PRAGMA user_version = ${INSITU_SCHEMA_VERSION};
`;
