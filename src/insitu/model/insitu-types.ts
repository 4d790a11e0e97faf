/**
 * The in-situ data model: networks (observatories) contain stations; a station has datastreams; a
 * datastream is the series of one observed property, in one unit, by one method (for GNSS: one processing
 * solution), optionally from one sensor; observations are (time, value, uncertainty, quality flag).
 * It maps one-to-one onto OGC SensorThings API v1.1 (https://docs.ogc.org/is/18-088/18-088.html):
 * station → Thing + Location, datastream → Datastream, observed property → ObservedProperty, sensor → Sensor.
 */

/** Free-form metadata: JSON values only. */
export type Properties = Record<string, unknown>;

/** An observatory or network (e.g. OVPF GNSS network, ERORUN river observatory). */
export interface Network {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  /** Id of the STAC collection that describes this network's data in the catalogue, when there is one. */
  readonly collectionId?: string;
  readonly properties?: Properties;
}

/** A place where observations are made. Coordinates are WGS84 degrees; elevation in metres. */
export interface Station {
  readonly id: string;
  readonly networkId: string;
  readonly name: string;
  readonly description?: string;
  readonly longitude: number;
  readonly latitude: number;
  readonly elevation?: number;
  readonly properties?: Properties;
}

/** Kinds of station events; other strings are allowed for local needs. */
export type StationEventKind = 'equipment-change' | 'earthquake' | 'eruption' | 'maintenance' | (string & {});

/** Something that happened at a station and may explain a step or gap in its series. */
export interface StationEvent {
  readonly stationId: string;
  /** Epoch milliseconds (UTC). */
  readonly time: number;
  readonly kind: StationEventKind;
  readonly description?: string;
  readonly properties?: Properties;
}

/** What is observed, with its vocabulary URI (e.g. an NVS P01/P07 or I-ADOPT concept). */
export interface ObservedProperty {
  readonly id: string;
  readonly name: string;
  /** URI of the concept in a controlled vocabulary. */
  readonly definition: string;
  readonly description?: string;
}

/** The instrument or procedure producing a datastream. */
export interface Sensor {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  /** e.g. `application/pdf`, `http://www.opengis.net/sensorml/2.0`, `text/html`. */
  readonly encodingType?: string;
  /** URL or inline description of the sensor. */
  readonly metadata?: string;
}

/** Unit of measurement as SensorThings wants it: name, symbol and a definition URI (UCUM/QUDT). */
export interface UnitOfMeasurement {
  readonly name: string;
  readonly symbol: string;
  readonly definition: string;
}

/** The series of one observed property at one station by one method. */
export interface Datastream {
  readonly id: string;
  readonly stationId: string;
  readonly name: string;
  readonly description?: string;
  readonly observedPropertyId: string;
  readonly unit: UnitOfMeasurement;
  /** Method or processing solution (e.g. `SPOTGINS`, `NGL IGS14`, `titration`). */
  readonly method?: string;
  readonly sensorId?: string;
  readonly properties?: Properties;
}

/**
 * Quality flags (integers 0-255), following the usual oceanographic convention (Argo/SeaDataNet):
 * 0 no quality control, 1 good, 2 probably good, 3 probably bad, 4 bad, 8 estimated/interpolated.
 */
export const QUALITY = {
  unchecked: 0,
  good: 1,
  probablyGood: 2,
  probablyBad: 3,
  bad: 4,
  estimated: 8,
} as const;

/**
 * A column-oriented batch of observations of one datastream. `time` in epoch milliseconds (integers);
 * `uncertainty` (standard uncertainty, same unit as the value) NaN when unknown; `quality` see {@link QUALITY}.
 */
export interface ObservationBatch {
  readonly time: Float64Array;
  readonly value: Float64Array;
  readonly uncertainty: Float64Array;
  readonly quality: Uint8Array;
}

/** Summary of one datastream's observations. */
export interface DatastreamExtent {
  readonly count: number;
  /** Epoch ms of the first and last observation, undefined when empty. */
  readonly firstTime?: number;
  readonly lastTime?: number;
}

/** Everything one ingest writes: metadata and observations, applied in one transaction. */
export interface InsituDataset {
  readonly networks?: readonly Network[];
  readonly stations?: readonly Station[];
  readonly events?: readonly StationEvent[];
  readonly observedProperties?: readonly ObservedProperty[];
  readonly sensors?: readonly Sensor[];
  readonly datastreams?: readonly Datastream[];
  readonly observations?: readonly { readonly datastreamId: string; readonly batch: ObservationBatch }[];
}

/** Allocates an empty batch of `n` observations (uncertainty NaN, quality unchecked). */
export function createObservationBatch(n: number): ObservationBatch {
  return {
    time: new Float64Array(n),
    value: new Float64Array(n),
    uncertainty: new Float64Array(n).fill(NaN),
    quality: new Uint8Array(n),
  };
}
