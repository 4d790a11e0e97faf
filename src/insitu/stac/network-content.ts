/**
 * Reads from an in-situ store what {@link insituNetworkToStac} needs for one network, so that every in-situ
 * dataset can be catalogued as a STAC collection with one item per station.
 */
import { InsituNotFoundError } from '../insitu-errors.js';
import type { DatastreamExtent } from '../model/insitu-types.js';
import type { InsituStore } from '../store/insitu-store.js';
import type { InsituNetworkContent } from './insitu-stac.js';

export async function readNetworkContent(
  store: InsituStore,
  networkId: string,
): Promise<InsituNetworkContent> {
  const network = await store.getNetwork(networkId);
  if (network === undefined) throw new InsituNotFoundError('network', networkId);
  const stations = await store.listStations(networkId);
  const stationIds = new Set(stations.map((s) => s.id));
  const datastreams = (await store.listDatastreams()).filter((d) => stationIds.has(d.stationId));
  const extents = new Map<string, DatastreamExtent>();
  for (const d of datastreams) extents.set(d.id, await store.datastreamExtent(d.id));
  return {
    network,
    stations,
    datastreams,
    observedProperties: await store.listObservedProperties(),
    extents,
  };
}
