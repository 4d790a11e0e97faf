/**
 * The few STAC API calls the portal makes. Failures become `StacApiError` carrying the server's
 * `{code, description}` so pages can say what went wrong.
 */
import { assetBands, bandLabel } from './band-metadata.js';

export interface StacLink {
  rel: string;
  href: string;
  type?: string;
  method?: string;
  body?: Record<string, unknown>;
}

export interface StacItem {
  id: string;
  collection?: string;
  bbox?: number[];
  geometry: GeoJSON.Geometry | null;
  properties: Record<string, unknown> & { datetime?: string | null; title?: string };
  assets: Record<string, { href: string; type?: string; roles?: string[]; title?: string }>;
  links: StacLink[];
}

export interface StacCollectionSummary {
  id: string;
  title?: string;
  description: string;
  links: StacLink[];
}

export interface ItemSearchResult {
  features: StacItem[];
  numberMatched?: number;
  numberReturned?: number;
  links: StacLink[];
}

export interface AggregationBucket {
  key: string;
  frequency: number;
}

export interface Aggregation {
  name: string;
  buckets?: AggregationBucket[];
  value?: number | string | null;
}

export class StacApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    description: string,
  ) {
    super(description);
  }
}

export const API_ROOT = '/api';

async function call<T>(path: string, init?: RequestInit, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${API_ROOT}${path}`, { ...init, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new StacApiError(0, 'NETWORK', String(error));
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    throw new StacApiError(response.status, 'BAD_RESPONSE', `invalid JSON from ${path}`);
  }
  if (!response.ok) {
    const error = (body ?? {}) as { code?: string; description?: string };
    throw new StacApiError(
      response.status,
      error.code ?? `HTTP_${response.status}`,
      error.description ?? response.statusText,
    );
  }
  return body as T;
}

export function searchItems(body: object, signal?: AbortSignal): Promise<ItemSearchResult> {
  return call<ItemSearchResult>(
    '/search',
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
    signal,
  );
}

export async function aggregate(
  body: object,
  aggregations: string[],
  signal?: AbortSignal,
): Promise<Aggregation[]> {
  const result = await call<{ aggregations: Aggregation[] }>(
    '/aggregate',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...body, aggregations }),
    },
    signal,
  );
  return result.aggregations;
}

export async function listCollections(signal?: AbortSignal): Promise<StacCollectionSummary[]> {
  const result = await call<{ collections: StacCollectionSummary[] }>('/collections?limit=1000', {}, signal);
  return result.collections;
}

export function getItem(collectionId: string, itemId: string, signal?: AbortSignal): Promise<StacItem> {
  return call<StacItem>(
    `/collections/${encodeURIComponent(collectionId)}/items/${encodeURIComponent(itemId)}`,
    {},
    signal,
  );
}

/** Every item of a collection in time order (at most `limit`), for the viewer's time slider. */
export async function listCollectionItems(
  collectionId: string,
  limit = 500,
  signal?: AbortSignal,
): Promise<StacItem[]> {
  const result = await searchItems(
    { collections: [collectionId], sortby: [{ field: 'datetime', direction: 'asc' }], limit },
    signal,
  );
  return result.features;
}

export interface PointResult {
  values: (number | null)[];
  bands?: string[];
}

/**
 * Band values of an item's raster assets at a point (raster API `…/raster/point`), flattened over assets with
 * labels `asset` (single band) or `asset B4 (red)` (`asset b4` for unnamed bands), as physical values (the
 * asset's scale and offset applied); empty outside the rasters.
 */
export async function pointValues(
  item: StacItem,
  lon: number,
  lat: number,
  signal?: AbortSignal,
): Promise<PointResult> {
  const path =
    `/collections/${encodeURIComponent(item.collection ?? '')}/items/${encodeURIComponent(item.id)}` +
    `/raster/point?lon=${lon}&lat=${lat}`;
  const feature = await call<{ properties: { values: Record<string, (number | null)[]> } }>(path, {}, signal);
  const values: (number | null)[] = [];
  const bands: string[] = [];
  for (const [asset, bandValues] of Object.entries(feature.properties.values)) {
    const metadata = assetBands(item.assets[asset] ?? {});
    bandValues.forEach((value, i) => {
      const band = metadata[i];
      values.push(value === null || !band ? value : value * band.scale + band.offset);
      bands.push(bandValues.length === 1 ? asset : `${asset} ${bandLabel(band, i)}`);
    });
  }
  return { values, bands };
}
