/**
 * Reading an OZCAR-like JSON description of an in-situ dataset: one network (observatory), its observed
 * properties and sensors, its stations with their events and datastreams. Observations come separately
 * (CSV or GNSS files) and refer to the datastream ids declared here.
 *
 * Shape (`?` marks optional members; times are ISO 8601):
 * ```json
 * {
 *   "type": "fournaise-insitu-dataset", "version": 1,
 *   "network": { "id": "erorun", "name": "ERORUN", "description"?: "…", "collectionId"?: "erorun-chemistry" },
 *   "observedProperties": [{ "id": "ph", "name": "pH", "definition": "http://…", "description"?: "…" }],
 *   "sensors"?: [{ "id": "…", "name": "…", "description"?: "…", "encodingType"?: "…", "metadata"?: "…" }],
 *   "stations": [{
 *     "id": "RDP", "name": "Rivière des Pluies", "longitude": 55.48, "latitude": -20.9, "elevation"?: 12,
 *     "description"?: "…", "properties"?: {},
 *     "events"?: [{ "time": "2017-03-01", "kind": "maintenance", "description"?: "…" }],
 *     "datastreams": [{ "id": "RDP-ph", "name": "pH", "observedProperty": "ph",
 *                       "unit": { "name": "pH unit", "symbol": "pH", "definition": "http://…" },
 *                       "method"?: "…", "sensor"?: "…", "description"?: "…", "properties"?: {} }]
 *   }]
 * }
 * ```
 * Inspired by the THEIA/OZCAR in-situ data model (dataset → observations → station/variable), flattened
 * to what SensorThings needs.
 */
import { InsituParseError } from '../insitu-errors.js';
import type { Datastream, InsituDataset, Sensor, Station, StationEvent } from '../model/insitu-types.js';
import { jsonValueOffsets, lineColumnAt } from './json-positions.js';
import { parseTimestamp } from './timestamp-parser.js';

type Json = Record<string, unknown>;

/**
 * Parses and checks a dataset description.
 * @throws InsituParseError with file, line and column (of the offending value) and what was expected.
 */
export function readDatasetDescription(text: string, file: string): InsituDataset {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message);
    const { line, column } = lineColumnAt(text, position ? Number(position[1]) : 0);
    throw new InsituParseError(file, line, column, 'valid JSON', (error as Error).message);
  }
  const offsets = jsonValueOffsets(text);
  const fail = (pointer: string, expected: string): never => {
    let at = pointer;
    while (!offsets.has(at) && at !== '') at = at.slice(0, at.lastIndexOf('/'));
    const { line, column } = lineColumnAt(text, offsets.get(at) ?? 0);
    throw new InsituParseError(file, line, column, `${expected} at ${pointer || '/'}`);
  };
  const object = (value: unknown, pointer: string): Json => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(pointer, 'an object');
    return value as Json;
  };
  const array = (value: unknown, pointer: string, optional = false): unknown[] => {
    if (value === undefined && optional) return [];
    if (!Array.isArray(value)) fail(pointer, 'an array');
    return value as unknown[];
  };
  const string = (o: Json, key: string, pointer: string, optional = false): string | undefined => {
    const value = o[key];
    if (value === undefined && optional) return undefined;
    if (typeof value !== 'string' || value === '') fail(`${pointer}/${key}`, 'a non-empty string');
    return value as string;
  };
  const number = (
    o: Json,
    key: string,
    pointer: string,
    min: number,
    max: number,
    optional = false,
  ): number | undefined => {
    const value = o[key];
    if (value === undefined && optional) return undefined;
    if (typeof value !== 'number' || !(value >= min && value <= max))
      fail(`${pointer}/${key}`, `a number in [${min}, ${max}]`);
    return value as number;
  };
  const properties = (o: Json, pointer: string): Json | undefined =>
    o.properties === undefined ? undefined : object(o.properties, `${pointer}/properties`);

  const root = object(document, '');
  if (root.type !== 'fournaise-insitu-dataset') fail('/type', "'fournaise-insitu-dataset'");
  if (root.version !== 1) fail('/version', 'version 1');
  const n = object(root.network, '/network');
  const network = {
    id: string(n, 'id', '/network')!,
    name: string(n, 'name', '/network')!,
    description: string(n, 'description', '/network', true),
    collectionId: string(n, 'collectionId', '/network', true),
  };
  const observedProperties = array(root.observedProperties, '/observedProperties').map((value, i) => {
    const p = `/observedProperties/${i}`;
    const o = object(value, p);
    return {
      id: string(o, 'id', p)!,
      name: string(o, 'name', p)!,
      definition: string(o, 'definition', p)!,
      description: string(o, 'description', p, true),
    };
  });
  const sensors: Sensor[] = array(root.sensors, '/sensors', true).map((value, i) => {
    const p = `/sensors/${i}`;
    const o = object(value, p);
    return {
      id: string(o, 'id', p)!,
      name: string(o, 'name', p)!,
      description: string(o, 'description', p, true),
      encodingType: string(o, 'encodingType', p, true),
      metadata: string(o, 'metadata', p, true),
    };
  });
  const stations: Station[] = [];
  const events: StationEvent[] = [];
  const datastreams: Datastream[] = [];
  array(root.stations, '/stations').forEach((value, i) => {
    const p = `/stations/${i}`;
    const o = object(value, p);
    const stationId = string(o, 'id', p)!;
    stations.push({
      id: stationId,
      networkId: network.id,
      name: string(o, 'name', p)!,
      description: string(o, 'description', p, true),
      longitude: number(o, 'longitude', p, -180, 180)!,
      latitude: number(o, 'latitude', p, -90, 90)!,
      elevation: number(o, 'elevation', p, -11000, 9000, true),
      properties: properties(o, p),
    });
    array(o.events, `${p}/events`, true).forEach((eventValue, k) => {
      const q = `${p}/events/${k}`;
      const e = object(eventValue, q);
      const time = parseTimestamp(string(e, 'time', q)!);
      if (time === undefined) fail(`${q}/time`, 'an ISO 8601 time');
      events.push({
        stationId,
        time: time!,
        kind: string(e, 'kind', q)!,
        description: string(e, 'description', q, true),
      });
    });
    array(o.datastreams, `${p}/datastreams`).forEach((streamValue, k) => {
      const q = `${p}/datastreams/${k}`;
      const d = object(streamValue, q);
      const unit = object(d.unit, `${q}/unit`);
      const observedPropertyId = string(d, 'observedProperty', q)!;
      if (!observedProperties.some((x) => x.id === observedPropertyId)) {
        fail(
          `${q}/observedProperty`,
          `one of the observedProperties ids (${observedProperties.map((x) => x.id).join(', ')})`,
        );
      }
      const sensorId = string(d, 'sensor', q, true);
      if (sensorId !== undefined && !sensors.some((x) => x.id === sensorId))
        fail(`${q}/sensor`, 'one of the sensors ids');
      datastreams.push({
        id: string(d, 'id', q)!,
        stationId,
        name: string(d, 'name', q)!,
        description: string(d, 'description', q, true),
        observedPropertyId,
        unit: {
          name: string(unit, 'name', `${q}/unit`)!,
          symbol: string(unit, 'symbol', `${q}/unit`)!,
          definition: string(unit, 'definition', `${q}/unit`)!,
        },
        method: string(d, 'method', q, true),
        sensorId,
        properties: properties(d, q),
      });
    });
  });
  return { networks: [network], observedProperties, sensors, stations, events, datastreams };
}
