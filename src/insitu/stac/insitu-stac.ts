/**
 * Every in-situ network is also a STAC collection, and every station a STAC item, so one catalogue search
 * finds imagery and in-situ data together. This maps the in-situ model onto STAC 1.1
 * (https://github.com/radiantearth/stac-spec/tree/v1.1.0): collection extent from the stations and the
 * datastreams' time spans, item geometry the station point, item time range its observations' span, and
 * the station's datastreams listed in `insitu:datastreams` with their variable, unit and method.
 * The API adds links to the SensorThings entities; this module stays URL-free.
 */
import { storedCollectionLink } from '../../catalog/ingest/stac-object-normaliser.js';
import type { StacCollection, StacItem } from '../../catalog/model/stac-types.js';
import type {
  Datastream,
  DatastreamExtent,
  Network,
  ObservedProperty,
  Station,
} from '../model/insitu-types.js';

/** What the mapping needs from a store for one network. */
export interface InsituNetworkContent {
  readonly network: Network;
  readonly stations: readonly Station[];
  readonly datastreams: readonly Datastream[];
  readonly observedProperties: readonly ObservedProperty[];
  /** Extent of each datastream, by datastream id. */
  readonly extents: ReadonlyMap<string, DatastreamExtent>;
}

/** Id of the STAC collection of a network: its declared `collectionId`, else `insitu-<network id>`. */
export function collectionIdOf(network: Network): string {
  return network.collectionId ?? `insitu-${network.id}`;
}

/**
 * The STAC collection and items of one network. Stations without observations get a null time range.
 * @param license SPDX id or `other` (STAC requires one).
 */
export function insituNetworkToStac(
  content: InsituNetworkContent,
  license = 'other',
): { collection: StacCollection; items: StacItem[] } {
  const collectionId = collectionIdOf(content.network);
  const propertyName = new Map(content.observedProperties.map((p) => [p.id, p.name]));
  const iso = (time: number | undefined): string | null =>
    time === undefined ? null : new Date(time).toISOString();
  let first: number | undefined;
  let last: number | undefined;
  const items = content.stations.map((station): StacItem => {
    const datastreams = content.datastreams.filter((d) => d.stationId === station.id);
    let start: number | undefined;
    let end: number | undefined;
    for (const d of datastreams) {
      const extent = content.extents.get(d.id);
      if (extent?.firstTime !== undefined) start = Math.min(start ?? Infinity, extent.firstTime);
      if (extent?.lastTime !== undefined) end = Math.max(end ?? -Infinity, extent.lastTime);
    }
    if (start !== undefined) first = Math.min(first ?? Infinity, start);
    if (end !== undefined) last = Math.max(last ?? -Infinity, end);
    const coordinates =
      station.elevation === undefined
        ? [station.longitude, station.latitude]
        : [station.longitude, station.latitude, station.elevation];
    return {
      type: 'Feature',
      stac_version: '1.1.0',
      id: `${collectionId}-${station.id.toLowerCase()}`,
      collection: collectionId,
      geometry: { type: 'Point', coordinates },
      bbox: [station.longitude, station.latitude, station.longitude, station.latitude],
      properties: {
        title: station.name,
        ...(station.description ? { description: station.description } : {}),
        datetime: null,
        start_datetime: iso(start) ?? iso(0),
        end_datetime: iso(end) ?? iso(0),
        'insitu:station': station.id,
        'insitu:network': station.networkId,
        'insitu:datastreams': datastreams.map((d) => ({
          id: d.id,
          variable: propertyName.get(d.observedPropertyId) ?? d.observedPropertyId,
          unit: d.unit.symbol,
          ...(d.method ? { method: d.method } : {}),
          count: content.extents.get(d.id)?.count ?? 0,
        })),
      },
      links: [storedCollectionLink(collectionId)],
      assets: {},
    };
  });
  const lons = content.stations.map((s) => s.longitude);
  const lats = content.stations.map((s) => s.latitude);
  const variables = [
    ...new Set(
      content.datastreams.map((d) => propertyName.get(d.observedPropertyId) ?? d.observedPropertyId),
    ),
  ];
  const collection: StacCollection = {
    type: 'Collection',
    stac_version: '1.1.0',
    id: collectionId,
    title: content.network.name,
    description: content.network.description ?? `In-situ observations of the ${content.network.name} network`,
    keywords: ['in situ', ...variables],
    license,
    extent: {
      spatial: {
        bbox: [
          lons.length === 0
            ? [-180, -90, 180, 90]
            : [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)],
        ],
      },
      temporal: { interval: [[iso(first), iso(last)]] },
    },
    summaries: {
      'insitu:variables': variables,
      'insitu:methods': [...new Set(content.datastreams.flatMap((d) => (d.method ? [d.method] : [])))],
    },
    links: [],
  };
  return { collection, items };
}
