/**
 * schema.org `Dataset` descriptions of STAC collections and items, embedded as JSON-LD in landing pages so
 * that search engines (Google Dataset Search) and harvesters find the centre's data.
 * See https://schema.org/Dataset and the ESIP science-on-schema.org guidelines
 * (https://github.com/ESIPFed/science-on-schema.org/blob/main/guides/Dataset.md).
 */
import type { StacCollection, StacItem, StacProvider } from '../catalog/model/stac-types.js';

export type JsonLd = Record<string, unknown>;

const DOI_PREFIX = 'https://doi.org/';

function organisation(provider: StacProvider): JsonLd {
  return {
    '@type': 'Organization',
    name: provider.name,
    ...(provider.url ? { url: provider.url } : {}),
    ...(provider.description ? { description: provider.description } : {}),
  };
}

function spatialCoverage(bbox: number[] | undefined): JsonLd | undefined {
  if (!bbox || bbox.length < 4) return undefined;
  const [w, s, e, n] = bbox.length === 6 ? [bbox[0], bbox[1], bbox[3], bbox[4]] : bbox;
  // schema.org GeoShape box is "south west north east" (lat lon lat lon).
  return { '@type': 'Place', geo: { '@type': 'GeoShape', box: `${s} ${w} ${n} ${e}` } };
}

function temporalCoverage(
  start: string | null | undefined,
  end: string | null | undefined,
): string | undefined {
  if (!start && !end) return undefined;
  if (start && end && start === end) return start;
  return `${start ?? '..'}/${end ?? '..'}`;
}

function doiOf(object: { [key: string]: unknown; properties?: Record<string, unknown> }): string | undefined {
  const doi = (object.properties?.['sci:doi'] ?? object['sci:doi']) as unknown;
  return typeof doi === 'string' && doi ? doi : undefined;
}

function licenseUrl(license: unknown, links: { rel: string; href: string }[]): string | undefined {
  return links.find((l) => l.rel === 'license')?.href ?? (typeof license === 'string' ? license : undefined);
}

/** schema.org Dataset of a collection; `url` is its landing page, `apiUrl` its STAC JSON. */
export function collectionToSchemaOrg(collection: StacCollection, url: string, apiUrl: string): JsonLd {
  const doi = doiOf(collection);
  const interval = collection.extent?.temporal?.interval?.[0];
  return clean({
    '@context': 'https://schema.org/',
    '@type': 'Dataset',
    '@id': url,
    url,
    name: collection.title ?? collection.id,
    description: collection.description,
    identifier: doi ? `${DOI_PREFIX}${doi}` : collection.id,
    keywords: collection.keywords,
    license: licenseUrl(collection.license, collection.links),
    creator: collection.providers?.filter((p) => p.roles?.includes('producer')).map(organisation),
    provider: collection.providers?.map(organisation),
    citation: collection['sci:citation'],
    isAccessibleForFree: true,
    spatialCoverage: spatialCoverage(collection.extent?.spatial?.bbox?.[0]),
    temporalCoverage: temporalCoverage(interval?.[0], interval?.[1]),
    distribution: [{ '@type': 'DataDownload', encodingFormat: 'application/json', contentUrl: apiUrl }],
  });
}

/** schema.org Dataset of one item, part of its collection's Dataset. */
export function itemToSchemaOrg(item: StacItem, url: string, collectionUrl: string | undefined): JsonLd {
  const p = item.properties;
  const doi = doiOf(item);
  return clean({
    '@context': 'https://schema.org/',
    '@type': 'Dataset',
    '@id': url,
    url,
    name: (p.title as string | undefined) ?? item.id,
    description: (p.description as string | undefined) ?? (p.title as string | undefined) ?? item.id,
    identifier: doi ? `${DOI_PREFIX}${doi}` : item.id,
    keywords: p.keywords,
    license: licenseUrl(p.license, item.links),
    citation: p['sci:citation'],
    dateCreated: p.created,
    datePublished: p.published,
    dateModified: p.updated,
    isPartOf: collectionUrl ? { '@type': 'Dataset', '@id': collectionUrl } : undefined,
    spatialCoverage: spatialCoverage(item.bbox),
    temporalCoverage: temporalCoverage(
      (p.start_datetime as string | undefined) ?? p.datetime,
      (p.end_datetime as string | undefined) ?? p.datetime,
    ),
    distribution: Object.values(item.assets ?? {}).map((asset) =>
      clean({
        '@type': 'DataDownload',
        name: asset.title,
        contentUrl: asset.href,
        encodingFormat: asset.type,
        contentSize: typeof asset['file:size'] === 'number' ? `${asset['file:size']} B` : undefined,
      }),
    ),
  });
}

/** Drops undefined and empty-array members, which JSON-LD consumers treat as noise. */
function clean(object: JsonLd): JsonLd {
  return Object.fromEntries(
    Object.entries(object).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)),
  );
}
