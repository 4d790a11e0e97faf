/**
 * Checks an in-situ dataset before any write: ids, coordinates, observation arrays, and references that
 * must resolve either in the dataset itself or in the store (through `exists`).
 */
import { InsituInvalidQueryError } from '../insitu-errors.js';
import type { InsituDataset } from '../model/insitu-types.js';

/** Entity kinds a dataset may reference. */
export type EntityKind = 'network' | 'station' | 'observedProperty' | 'sensor' | 'datastream';

/**
 * @param exists whether the store already holds an entity.
 * @throws InsituInvalidQueryError naming the first problem (JSON-pointer-like location into the dataset).
 */
export function validateDataset(
  dataset: InsituDataset,
  exists: (kind: EntityKind, id: string) => boolean,
): void {
  const ids: Record<EntityKind, Set<string>> = {
    network: new Set(dataset.networks?.map((n) => n.id)),
    station: new Set(dataset.stations?.map((s) => s.id)),
    observedProperty: new Set(dataset.observedProperties?.map((p) => p.id)),
    sensor: new Set(dataset.sensors?.map((s) => s.id)),
    datastream: new Set(dataset.datastreams?.map((d) => d.id)),
  };
  const fail = (message: string, location: string): never => {
    throw new InsituInvalidQueryError(`${location}: ${message}`, location);
  };
  const requireId = (id: unknown, location: string): void => {
    if (typeof id !== 'string' || id.length === 0 || id.length > 256)
      fail('expected a non-empty id of at most 256 characters', location);
  };
  const requireRef = (kind: EntityKind, id: string | undefined, location: string): void => {
    if (id === undefined) return;
    if (!ids[kind].has(id) && !exists(kind, id))
      fail(`${kind} '${id}' is neither in the dataset nor in the store`, location);
  };
  dataset.networks?.forEach((n, i) => requireId(n.id, `/networks/${i}/id`));
  dataset.observedProperties?.forEach((p, i) => requireId(p.id, `/observedProperties/${i}/id`));
  dataset.sensors?.forEach((s, i) => requireId(s.id, `/sensors/${i}/id`));
  dataset.stations?.forEach((s, i) => {
    requireId(s.id, `/stations/${i}/id`);
    requireRef('network', s.networkId, `/stations/${i}/networkId`);
    if (!(Math.abs(s.latitude) <= 90))
      fail(`expected a latitude in [-90, 90], got ${s.latitude}`, `/stations/${i}/latitude`);
    if (!(Math.abs(s.longitude) <= 180))
      fail(`expected a longitude in [-180, 180], got ${s.longitude}`, `/stations/${i}/longitude`);
    if (s.elevation !== undefined && !Number.isFinite(s.elevation))
      fail('expected a finite elevation', `/stations/${i}/elevation`);
  });
  dataset.events?.forEach((e, i) => {
    requireRef('station', e.stationId, `/events/${i}/stationId`);
    if (!Number.isFinite(e.time)) fail('expected a finite time', `/events/${i}/time`);
    if (typeof e.kind !== 'string' || e.kind === '') fail('expected a non-empty kind', `/events/${i}/kind`);
  });
  dataset.datastreams?.forEach((d, i) => {
    requireId(d.id, `/datastreams/${i}/id`);
    requireRef('station', d.stationId, `/datastreams/${i}/stationId`);
    requireRef('observedProperty', d.observedPropertyId, `/datastreams/${i}/observedPropertyId`);
    requireRef('sensor', d.sensorId, `/datastreams/${i}/sensorId`);
  });
  dataset.observations?.forEach(({ datastreamId, batch }, i) => {
    requireRef('datastream', datastreamId, `/observations/${i}/datastreamId`);
    const n = batch.time.length;
    if (batch.value.length !== n || batch.uncertainty.length !== n || batch.quality.length !== n) {
      fail('time, value, uncertainty and quality must have the same length', `/observations/${i}`);
    }
    for (let k = 0; k < n; k++) {
      if (!Number.isInteger(batch.time[k]))
        fail(`expected integer epoch milliseconds, got ${batch.time[k]}`, `/observations/${i}/time/${k}`);
      if (!Number.isFinite(batch.value[k]))
        fail(`expected a finite value, got ${batch.value[k]}`, `/observations/${i}/value/${k}`);
      const u = batch.uncertainty[k];
      if (!Number.isNaN(u) && !(u >= 0 && u < Infinity))
        fail(`expected NaN or a non-negative uncertainty, got ${u}`, `/observations/${i}/uncertainty/${k}`);
    }
  });
}
