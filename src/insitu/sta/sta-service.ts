/**
 * The SensorThings API v1.1 read interface over an {@link InsituStore}: resource paths
 * (`Things`, `Things('BOMG')`, `Things('BOMG')/Datastreams`, `Datastreams('x')/Observations`, ...) and the
 * query options `$filter $select $expand $orderby $top $skip $count` (OGC 18-088 §9). HTTP-free: the API
 * layer passes the path, the raw options and the absolute service root, and serialises the result.
 * Limits: `$filter` on
 * Observations supports phenomenonTime/resultTime, result and resultQuality members. Stations do not
 * move, so HistoricalLocations is always empty; a station is its own FeatureOfInterest.
 */
import { InsituInvalidQueryError, InsituNotFoundError } from '../insitu-errors.js';
import type { Datastream, Station } from '../model/insitu-types.js';
import type { InsituStore } from '../store/insitu-store.js';
import {
  ENTITY_SETS,
  NAVIGATION,
  datastreamEntity,
  featureOfInterestEntity,
  locationEntity,
  observationEntity,
  observedPropertyEntity,
  sensorEntity,
  thingEntity,
  type EntitySet,
  type Json,
} from './sta-entities.js';
import {
  compareEntities,
  matchesFilter,
  observationPredicate,
  OBSERVATION_FIELDS,
} from './sta-filter-evaluation.js';
import {
  parseStaQuery,
  type RawStaQuery,
  type StaLimits,
  type StaQueryOptions,
} from './sta-query-options.js';

/** Conformance classes of this read-only implementation. */
export const STA_CONFORMANCE = [
  'http://www.opengis.net/spec/iot_sensing/1.1/req/datamodel',
  'http://www.opengis.net/spec/iot_sensing/1.1/req/resource-path/resource-path-to-entities',
  'http://www.opengis.net/spec/iot_sensing/1.1/req/request-data',
];

/** A parsed resource path: an entity set, optionally one entity, optionally a navigation from it. */
interface ResourcePath {
  readonly set: EntitySet;
  readonly id?: string;
  readonly navigation?: string;
}

/** Where related entities come from: all of a set, or those related to one entity. */
interface Scope {
  readonly set: EntitySet;
  readonly from?: { readonly set: EntitySet; readonly id: string };
}

export class SensorThingsService {
  constructor(
    private readonly store: InsituStore,
    private readonly limits: StaLimits = { defaultTop: 100, maxTop: 10_000 },
  ) {}

  /** The service root document. */
  root(rootUrl: string): Json {
    return {
      value: ENTITY_SETS.map((name) => ({ name, url: `${rootUrl}/${name}` })),
      serverSettings: { conformance: STA_CONFORMANCE },
    };
  }

  /**
   * Answers a GET on `resourcePath` (relative to the service root, e.g. `Things('BOMG')/Datastreams`).
   * @param requestUrl absolute URL of the request without its query, for `@iot.nextLink`.
   * @throws InsituInvalidQueryError for a malformed path or option, InsituNotFoundError for a missing entity.
   */
  async get(resourcePath: string, raw: RawStaQuery, rootUrl: string, requestUrl: string): Promise<Json> {
    const path = parseResourcePath(resourcePath);
    const options = parseStaQuery(raw, this.limits);
    if (path.id !== undefined && path.navigation === undefined) {
      const entity = await this.single(path.set, path.id, rootUrl);
      return this.shape(path.set, entity, options, rootUrl);
    }
    if (path.navigation !== undefined) {
      const target = NAVIGATION[path.set][path.navigation];
      if (target === undefined) {
        throw new InsituInvalidQueryError(
          `${path.set} have no navigation property '${path.navigation}' (known: ${Object.keys(NAVIGATION[path.set]).join(', ')})`,
          'path',
        );
      }
      await this.single(path.set, path.id as string, rootUrl);
      if (target.single) {
        const scope = { set: target.set, from: { set: path.set, id: path.id as string } };
        const [entity] = (await this.entitiesIn(scope, parseStaQuery({}, this.limits), rootUrl)).page;
        if (entity === undefined) throw new InsituNotFoundError(path.navigation, `${path.set}(${path.id})`);
        return this.shape(target.set, entity, options, rootUrl);
      }
      return this.collection(
        { set: target.set, from: { set: path.set, id: path.id as string } },
        options,
        rootUrl,
        requestUrl,
        raw,
      );
    }
    return this.collection({ set: path.set }, options, rootUrl, requestUrl, raw);
  }

  private async collection(
    scope: Scope,
    options: StaQueryOptions,
    rootUrl: string,
    requestUrl: string,
    raw: RawStaQuery,
  ): Promise<Json> {
    const { page, total, hasMore } = await this.entitiesIn(scope, options, rootUrl);
    const value = await Promise.all(page.map((entity) => this.shape(scope.set, entity, options, rootUrl)));
    const result: Json = {};
    if (options.count) result['@iot.count'] = total;
    if (hasMore) result['@iot.nextLink'] = nextLink(requestUrl, raw, options.skip + options.top);
    result.value = value;
    return result;
  }

  /** One page of the entities of a scope, after `$filter`, `$orderby`, `$skip` and `$top`. */
  private async entitiesIn(
    scope: Scope,
    options: StaQueryOptions,
    rootUrl: string,
  ): Promise<{ page: Json[]; total: number | undefined; hasMore: boolean }> {
    const set = scope.set;
    if (set === 'Observations') return this.observations(scope, options, rootUrl);
    let entities = await this.related(set, scope.from, rootUrl);
    if (options.filter !== undefined) entities = entities.filter((e) => matchesFilter(e, options.filter!));
    if (options.orderBy.length > 0) entities.sort(compareEntities(options.orderBy));
    return {
      page: entities.slice(options.skip, options.skip + options.top),
      total: entities.length,
      hasMore: options.skip + options.top < entities.length,
    };
  }

  private async observations(scope: Scope, options: StaQueryOptions, rootUrl: string) {
    const orderBy = options.orderBy.map(({ path, descending }) => {
      const field = OBSERVATION_FIELDS[path.join('/')];
      if (field !== 'time' && field !== 'value') {
        throw new InsituInvalidQueryError(
          `$orderby: Observations can be ordered by phenomenonTime or result, not '${path.join('/')}'`,
          '$orderby',
        );
      }
      return { field, descending };
    });
    const found = await this.store.queryObservations({
      datastreamIds: await this.observationSources(scope.from),
      predicate: options.filter === undefined ? undefined : observationPredicate(options.filter),
      orderBy,
      offset: options.skip,
      limit: options.top + 1,
      count: options.count,
    });
    const rows = found.rows.slice(0, options.top);
    return {
      page: rows.map((row) => observationEntity(row, rootUrl)),
      total: found.count,
      hasMore: found.rows.length > options.top,
    };
  }

  /** Datastreams whose observations a scope covers: one datastream, a station's (its FeatureOfInterest), or all. */
  private async observationSources(from: Scope['from']): Promise<string[] | undefined> {
    if (from === undefined) return undefined;
    if (from.set === 'FeaturesOfInterest')
      return (await this.store.listDatastreams(from.id)).map((d) => d.id);
    return [from.id];
  }

  /** Applies `$expand` then `$select` to one entity. */
  private async shape(
    set: EntitySet,
    entity: Json,
    options: StaQueryOptions,
    rootUrl: string,
  ): Promise<Json> {
    const shaped: Json = { ...entity };
    for (const { name, options: nested } of options.expand) {
      const target = NAVIGATION[set][name];
      if (target === undefined) {
        throw new InsituInvalidQueryError(
          `$expand: ${set} have no navigation property '${name}' (known: ${Object.keys(NAVIGATION[set]).join(', ')})`,
          '$expand',
        );
      }
      const scope = { set: target.set, from: { set, id: entity['@iot.id'] as string } };
      const { page, total } = await this.entitiesIn(scope, nested, rootUrl);
      const expanded = await Promise.all(
        page.map((related) => this.shape(target.set, related, nested, rootUrl)),
      );
      shaped[name] = target.single ? (expanded[0] ?? null) : expanded;
      if (!target.single && nested.count) shaped[`${name}@iot.count`] = total;
    }
    if (options.select === undefined) return shaped;
    const selected = new Set(options.select.map((name) => (name === 'id' ? '@iot.id' : name)));
    const isKept = (key: string): boolean =>
      selected.has(key) ||
      options.expand.some((e) => e.name === key || `${e.name}@iot.count` === key) ||
      selected.has(key.replace(/@iot\.navigationLink$/, ''));
    return Object.fromEntries(Object.entries(shaped).filter(([key]) => isKept(key)));
  }

  private async single(set: EntitySet, id: string, rootUrl: string): Promise<Json> {
    const s = this.store;
    let entity: Json | undefined;
    switch (set) {
      case 'Things':
      case 'Locations':
      case 'FeaturesOfInterest': {
        const station = await s.getStation(id);
        if (station) entity = stationEntity(set, station, rootUrl);
        break;
      }
      case 'HistoricalLocations':
        break;
      case 'Datastreams': {
        const datastream = await s.getDatastream(id);
        if (datastream) entity = datastreamEntity(datastream, await s.datastreamExtent(id), rootUrl);
        break;
      }
      case 'ObservedProperties': {
        const property = await s.getObservedProperty(id);
        if (property) entity = observedPropertyEntity(property, rootUrl);
        break;
      }
      case 'Sensors': {
        const sensor = await s.getSensor(id);
        if (sensor) entity = sensorEntity(sensor, rootUrl);
        break;
      }
      case 'Observations': {
        const at = id.lastIndexOf('@');
        const time = Number(id.slice(at + 1));
        if (at > 0 && Number.isInteger(time) && (await s.getDatastream(id.slice(0, at)))) {
          const batch = await s.readObservations(id.slice(0, at), { start: time, end: time });
          if (batch.time.length === 1) {
            entity = observationEntity(
              {
                datastreamId: id.slice(0, at),
                time,
                value: batch.value[0],
                uncertainty: batch.uncertainty[0],
                quality: batch.quality[0],
              },
              rootUrl,
            );
          }
        }
        break;
      }
    }
    if (entity === undefined) throw new InsituNotFoundError(SINGULAR[set], id);
    return entity;
  }

  /** Entities of `set`, all or related to `from`, in id order (Observations go through the store query). */
  private async related(
    set: Exclude<EntitySet, 'Observations'>,
    from: Scope['from'],
    rootUrl: string,
  ): Promise<Json[]> {
    const s = this.store;
    const datastreams = async (list: Datastream[]): Promise<Json[]> =>
      Promise.all(list.map(async (d) => datastreamEntity(d, await s.datastreamExtent(d.id), rootUrl)));
    const stations = (list: (Station | undefined)[]): Station[] =>
      list.filter((x): x is Station => x !== undefined);
    switch (set) {
      case 'Things':
      case 'Locations':
      case 'FeaturesOfInterest': {
        let list: Station[];
        if (from === undefined) list = await s.listStations();
        else if (from.set === 'Datastreams' || from.set === 'Observations') {
          const datastreamId =
            from.set === 'Datastreams' ? from.id : from.id.slice(0, from.id.lastIndexOf('@'));
          list = stations([await s.getStation((await s.getDatastream(datastreamId))?.stationId ?? '')]);
        } else list = stations([await s.getStation(from.id)]);
        return list.map((x) => stationEntity(set, x, rootUrl));
      }
      case 'HistoricalLocations':
        return [];
      case 'Datastreams': {
        if (from === undefined) return datastreams(await s.listDatastreams());
        if (from.set === 'Things') return datastreams(await s.listDatastreams(from.id));
        if (from.set === 'Observations') {
          const datastream = await s.getDatastream(from.id.slice(0, from.id.lastIndexOf('@')));
          return datastream ? datastreams([datastream]) : [];
        }
        const all = await s.listDatastreams();
        return datastreams(
          all.filter((d) => (from.set === 'Sensors' ? d.sensorId : d.observedPropertyId) === from.id),
        );
      }
      case 'ObservedProperties': {
        if (from === undefined)
          return (await s.listObservedProperties()).map((p) => observedPropertyEntity(p, rootUrl));
        const property = await s.getObservedProperty(
          (await s.getDatastream(from.id))?.observedPropertyId ?? '',
        );
        return property ? [observedPropertyEntity(property, rootUrl)] : [];
      }
      case 'Sensors': {
        if (from === undefined) return (await s.listSensors()).map((x) => sensorEntity(x, rootUrl));
        const sensorId = (await s.getDatastream(from.id))?.sensorId;
        const sensor = sensorId === undefined ? undefined : await s.getSensor(sensorId);
        return sensor ? [sensorEntity(sensor, rootUrl)] : [];
      }
    }
  }
}

/** Entity name of each set, for messages. */
const SINGULAR: Record<EntitySet, string> = {
  Things: 'Thing',
  Locations: 'Location',
  HistoricalLocations: 'HistoricalLocation',
  Datastreams: 'Datastream',
  ObservedProperties: 'ObservedProperty',
  Sensors: 'Sensor',
  Observations: 'Observation',
  FeaturesOfInterest: 'FeatureOfInterest',
};

/** A station seen as a Thing, its Location or the FeatureOfInterest of its observations. */
function stationEntity(set: EntitySet, station: Station, rootUrl: string): Json {
  if (set === 'Things') return thingEntity(station, rootUrl);
  if (set === 'Locations') return locationEntity(station, rootUrl);
  return featureOfInterestEntity(station, rootUrl);
}

/**
 * Parses `Set`, `Set(id)` or `Set(id)/Navigation`; ids are OData literals: 'quoted' (quotes doubled) or bare.
 * @throws InsituInvalidQueryError for anything else.
 */
export function parseResourcePath(path: string): ResourcePath {
  const m = /^([A-Za-z]+)(?:\((?:'((?:[^']|'')*)'|([^()'/]+))\))?(?:\/([A-Za-z]+))?\/?$/.exec(path);
  if (m === null || !(ENTITY_SETS as readonly string[]).includes(m[1])) {
    throw new InsituInvalidQueryError(
      `unsupported resource path '${path}': expected <EntitySet>, <EntitySet>(<id>) or <EntitySet>(<id>)/<Navigation> with EntitySet one of ${ENTITY_SETS.join(', ')}`,
      'path',
    );
  }
  const id = m[2] !== undefined ? m[2].replace(/''/g, "'") : m[3];
  if (m[4] !== undefined && id === undefined)
    throw new InsituInvalidQueryError(`a navigation needs an entity id: '${path}'`, 'path');
  return { set: m[1] as EntitySet, id, navigation: m[4] };
}

function nextLink(requestUrl: string, raw: RawStaQuery, skip: number): string {
  const parameters = new URLSearchParams();
  for (const [key, value] of Object.entries(raw))
    if (value !== undefined && key !== '$skip') parameters.set(key, value);
  parameters.set('$skip', String(skip));
  return `${requestUrl}?${parameters.toString()}`;
}
