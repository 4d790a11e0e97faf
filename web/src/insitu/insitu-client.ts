/** Calls of the in-situ API used by the station map, station page and chart page. */
import { API_ROOT, StacApiError } from '../api/stac-client.js';

export interface DatastreamSummary {
  id: string;
  name: string;
  observedPropertyId: string;
  observedPropertyName: string;
  method?: string;
  unit: { name: string; symbol: string };
  count: number;
  firstTime?: string;
  lastTime?: string;
  completeness?: number;
  properties?: Record<string, unknown>;
}

export interface StationSummary {
  id: string;
  networkId: string;
  name: string;
  longitude: number;
  latitude: number;
  elevation?: number;
  properties?: Record<string, unknown>;
  datastreams: DatastreamSummary[];
  events: { time: string; kind: string; description?: string }[];
}

export interface Series {
  datastream: string;
  unit: { symbol: string };
  time: number[];
  value: number[];
  downsampled: boolean;
}

export interface Velocity {
  velocity: number;
  uncertainty: number;
  unit: string;
}

async function get<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(`${API_ROOT}${path}`, { signal });
  const body = (await response.json().catch(() => ({}))) as { code?: string; description?: string };
  if (!response.ok) {
    throw new StacApiError(response.status, body.code ?? `HTTP_${response.status}`, body.description ?? '');
  }
  return body as T;
}

export async function listStations(signal?: AbortSignal): Promise<StationSummary[]> {
  return (await get<{ stations: StationSummary[] }>('/insitu/stations', signal)).stations;
}

export function getStation(id: string, signal?: AbortSignal): Promise<StationSummary> {
  return get<StationSummary>(`/insitu/stations/${encodeURIComponent(id)}`, signal);
}

/** A series downsampled on the server (LTTB) to about `points` points over [start, end] (epoch ms). */
export function getSeries(
  id: string,
  points: number,
  start?: number,
  end?: number,
  signal?: AbortSignal,
): Promise<Series> {
  const query = new URLSearchParams({ downsample: 'lttb', points: String(points), format: 'json' });
  if (start !== undefined) query.set('start', new Date(start).toISOString());
  if (end !== undefined) query.set('end', new Date(end).toISOString());
  return get<Series>(`/insitu/datastreams/${encodeURIComponent(id)}/observations?${query}`, signal);
}

export function getVelocity(id: string, signal?: AbortSignal): Promise<Velocity> {
  return get<Velocity>(`/insitu/datastreams/${encodeURIComponent(id)}/velocity?method=midas`, signal);
}

export function csvUrl(id: string): string {
  return `${API_ROOT}/insitu/datastreams/${encodeURIComponent(id)}/observations?format=csv`;
}
