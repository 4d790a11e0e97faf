/**
 * JSON encodings of SensorThings v1.1 entities (OGC 18-088 §8.2) built from the in-situ model, with their
 * `@iot.selfLink` and `@iot.navigationLink`s.
 */
import type {
  Datastream,
  DatastreamExtent,
  ObservedProperty,
  Sensor,
  Station,
} from '../model/insitu-types.js';
import type { ObservationRow } from '../query/observation-query.js';

export type Json = Record<string, unknown>;

/** The entity sets this service offers. */
export const ENTITY_SETS = [
  'Things',
  'Locations',
  'HistoricalLocations',
  'Datastreams',
  'ObservedProperties',
  'Sensors',
  'Observations',
  'FeaturesOfInterest',
] as const;
export type EntitySet = (typeof ENTITY_SETS)[number];

/** Navigation properties of each entity set: target set and whether it is a single entity. */
export const NAVIGATION: Readonly<
  Record<EntitySet, Readonly<Record<string, { set: EntitySet; single: boolean }>>>
> = {
  Things: {
    Locations: { set: 'Locations', single: false },
    HistoricalLocations: { set: 'HistoricalLocations', single: false },
    Datastreams: { set: 'Datastreams', single: false },
  },
  Locations: {
    Things: { set: 'Things', single: false },
    HistoricalLocations: { set: 'HistoricalLocations', single: false },
  },
  HistoricalLocations: {
    Thing: { set: 'Things', single: true },
    Locations: { set: 'Locations', single: false },
  },
  Datastreams: {
    Thing: { set: 'Things', single: true },
    Sensor: { set: 'Sensors', single: true },
    ObservedProperty: { set: 'ObservedProperties', single: true },
    Observations: { set: 'Observations', single: false },
  },
  ObservedProperties: { Datastreams: { set: 'Datastreams', single: false } },
  Sensors: { Datastreams: { set: 'Datastreams', single: false } },
  Observations: {
    Datastream: { set: 'Datastreams', single: true },
    FeatureOfInterest: { set: 'FeaturesOfInterest', single: true },
  },
  FeaturesOfInterest: { Observations: { set: 'Observations', single: false } },
};

/** The resource path of one entity, e.g. `Things('BOMG')`, with the id quoted as OData wants. */
export function entityPath(set: EntitySet, id: string): string {
  return `${set}('${encodeURIComponent(id.replace(/'/g, "''"))}')`;
}

/** Id of an observation: its datastream and its time, which together identify it. */
export function observationId(row: Pick<ObservationRow, 'datastreamId' | 'time'>): string {
  return `${row.datastreamId}@${row.time}`;
}

function withLinks(set: EntitySet, id: string, root: string, body: Json): Json {
  const self = `${root}/${entityPath(set, id)}`;
  const entity: Json = { '@iot.id': id, '@iot.selfLink': self, ...body };
  for (const name of Object.keys(NAVIGATION[set])) entity[`${name}@iot.navigationLink`] = `${self}/${name}`;
  return entity;
}

function iso(time: number): string {
  return new Date(time).toISOString();
}

export function thingEntity(station: Station, root: string): Json {
  return withLinks('Things', station.id, root, {
    name: station.name,
    description: station.description ?? '',
    properties: { network: station.networkId, elevation: station.elevation, ...station.properties },
  });
}

export function locationEntity(station: Station, root: string): Json {
  const coordinates = [station.longitude, station.latitude];
  if (station.elevation !== undefined) coordinates.push(station.elevation);
  return withLinks('Locations', station.id, root, {
    name: station.name,
    description: station.description ?? `Location of ${station.name}`,
    encodingType: 'application/geo+json',
    location: { type: 'Point', coordinates },
  });
}

/**
 * The feature of interest of a station's observations: the station point itself (in-situ sampling at a
 * fixed place). Shares the station's id.
 */
export function featureOfInterestEntity(station: Station, root: string): Json {
  const coordinates = [station.longitude, station.latitude];
  if (station.elevation !== undefined) coordinates.push(station.elevation);
  return withLinks('FeaturesOfInterest', station.id, root, {
    name: station.name,
    description: station.description ?? `Sampling point of ${station.name}`,
    encodingType: 'application/geo+json',
    feature: { type: 'Point', coordinates },
  });
}

export function datastreamEntity(datastream: Datastream, extent: DatastreamExtent, root: string): Json {
  const entity = withLinks('Datastreams', datastream.id, root, {
    name: datastream.name,
    description: datastream.description ?? '',
    observationType: 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement',
    unitOfMeasurement: datastream.unit,
    phenomenonTime:
      extent.firstTime === undefined || extent.lastTime === undefined
        ? null
        : `${iso(extent.firstTime)}/${iso(extent.lastTime)}`,
    properties: { method: datastream.method, observationCount: extent.count, ...datastream.properties },
  });
  if (datastream.sensorId === undefined) delete entity['Sensor@iot.navigationLink'];
  return entity;
}

export function observedPropertyEntity(property: ObservedProperty, root: string): Json {
  return withLinks('ObservedProperties', property.id, root, {
    name: property.name,
    definition: property.definition,
    description: property.description ?? '',
  });
}

export function sensorEntity(sensor: Sensor, root: string): Json {
  return withLinks('Sensors', sensor.id, root, {
    name: sensor.name,
    description: sensor.description ?? '',
    encodingType: sensor.encodingType ?? 'text/plain',
    metadata: sensor.metadata ?? '',
  });
}

export function observationEntity(row: ObservationRow, root: string): Json {
  const quality: Json = { qualityFlag: row.quality };
  if (!Number.isNaN(row.uncertainty)) quality.uncertainty = row.uncertainty;
  return withLinks('Observations', observationId(row), root, {
    phenomenonTime: iso(row.time),
    resultTime: null,
    result: row.value,
    resultQuality: quality,
  });
}
