/**
 * The search shapes the benchmark times, each drawing fresh parameters (area, dates, terms, thresholds)
 * for every request from a seeded generator, so that no two consecutive requests are identical and
 * caches cannot flatter the figures. Areas follow the catalogue's own distribution (dense around
 * La Réunion, sparse elsewhere), so result sizes range from empty to many thousands of matches.
 */
import type { Polygon } from 'geojson';
import type { RequestSpec } from './http-load.js';
import { SENSOR_PROFILES, collectionProfile } from './synthetic-collections.js';
import type { SeededRandom } from './seeded-random.js';
import { FREE_TEXT_TERMS } from './synthetic-vocabulary.js';

export interface QueryShape {
  name: string;
  description: string;
  nextRequest(random: SeededRandom): RequestSpec;
}

const FIRST_DAY = Date.UTC(2015, 0, 1);
const LAST_DAY = Date.UTC(2025, 11, 31);
const DAY_MS = 86_400_000;

const round3 = (value: number): number => Math.round(value * 1000) / 1000;

/** A centre drawn like the catalogue: half near La Réunion, a third over the Indian Ocean, the rest anywhere. */
export function randomCenter(random: SeededRandom): [number, number] {
  const r = random.next();
  if (r < 0.5) return [random.normal(55.53, 0.3), random.normal(-21.12, 0.25)];
  if (r < 0.8) return [random.normal(55.5, 10), Math.max(-60, Math.min(30, random.normal(-21, 8)))];
  return [random.uniform(-179, 179), random.uniform(-70, 70)];
}

function randomBbox(random: SeededRandom, minSize: number, maxSize: number): number[] {
  const [lon, lat] = randomCenter(random);
  const halfW = random.uniform(minSize, maxSize) / 2;
  const halfH = random.uniform(minSize, maxSize) / 2;
  return [
    round3(Math.max(-180, lon - halfW)),
    round3(Math.max(-90, lat - halfH)),
    round3(Math.min(180, lon + halfW)),
    round3(Math.min(90, lat + halfH)),
  ];
}

/** A closed `start/end` interval of `minDays`–`maxDays` days inside 2015–2025. */
export function randomInterval(random: SeededRandom, minDays: number, maxDays: number): string {
  const length = random.int(minDays, maxDays) * DAY_MS;
  const start = Math.floor(random.uniform(FIRST_DAY, LAST_DAY - length) / DAY_MS) * DAY_MS;
  return `${new Date(start).toISOString().slice(0, 10)}T00:00:00Z/${new Date(start + length).toISOString().slice(0, 10)}T23:59:59Z`;
}

/** An irregular convex-ish polygon (6 vertices, counter-clockwise) of the given radius in degrees. */
function randomPolygon(random: SeededRandom, minRadius: number, maxRadius: number): Polygon {
  const [lon, lat] = randomCenter(random);
  const radius = random.uniform(minRadius, maxRadius);
  const start = random.uniform(0, Math.PI / 3);
  const ring = Array.from({ length: 6 }, (_, k) => {
    const angle = start + (k * Math.PI) / 3 + random.uniform(-0.3, 0.3);
    const r = radius * random.uniform(0.6, 1);
    return [
      round3(Math.max(-179.9, Math.min(179.9, lon + r * Math.cos(angle)))),
      round3(Math.max(-89, Math.min(89, lat + r * Math.sin(angle)))),
    ];
  });
  ring.push([...ring[0]]);
  return { type: 'Polygon', coordinates: [ring] };
}

function query(path: string, params: Record<string, string | number>): RequestSpec {
  const search = Object.entries(params)
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`)
    .join('&');
  return { method: 'GET', path: `${path}?${search}` };
}

/** The collection ids of a catalogue of `collectionCount` collections, optical ones apart. */
export function collectionIds(collectionCount: number): { all: string[]; optical: string[] } {
  const entries = Array.from({ length: collectionCount }, (_, i) => collectionProfile(i));
  return {
    all: entries.map((e) => e.id),
    optical: entries.filter((e) => e.profile.isOptical).map((e) => e.id),
  };
}

/** The five shapes that need no preparation; the 50th page is built by `preparePageShape`. */
export function searchShapes(collectionCount: number, limit: number): QueryShape[] {
  const { optical } = collectionIds(collectionCount);
  const platforms = [...new Set(SENSOR_PROFILES.flatMap((p) => p.platforms))];
  const constellations = [...new Set(SENSOR_PROFILES.map((p) => p.constellation))];
  return [
    {
      name: 'bbox+datetime',
      description: `GET /api/search, bbox of 0.1–2°, datetime range of 1 week–6 months, limit ${limit}`,
      nextRequest: (random) =>
        query('/api/search', {
          bbox: randomBbox(random, 0.1, 2).join(','),
          datetime: randomInterval(random, 7, 180),
          limit,
        }),
    },
    {
      name: 'intersects polygon',
      description: `POST /api/search, intersects a 6-vertex polygon of 0.05–1° radius, limit ${limit}`,
      nextRequest: (random) => ({
        method: 'POST',
        path: '/api/search',
        body: { intersects: randomPolygon(random, 0.05, 1), limit },
      }),
    },
    {
      name: 'CQL2 property filter',
      description: `GET /api/search, filter (cql2-text) on eo:cloud_cover, platform, view:off_nadir, constellation, gsd, sat:orbit_state, limit ${limit}`,
      nextRequest: (random) => {
        const templates = [
          () => `eo:cloud_cover < ${random.int(1, 30)} AND platform = '${random.pick(platforms)}'`,
          () =>
            `view:off_nadir BETWEEN ${random.int(0, 10)} AND ${random.int(11, 30)} AND constellation = '${random.pick(constellations)}'`,
          () =>
            `sat:orbit_state = '${random.pick(['ascending', 'descending'])}' AND gsd <= ${random.pick([0.5, 1.5, 10, 30])} AND eo:cloud_cover < ${random.int(1, 20)}`,
        ];
        return query('/api/search', { filter: random.pick(templates)(), 'filter-lang': 'cql2-text', limit });
      },
    },
    {
      name: 'free text',
      description: `GET /api/search?q=, one or two French/English terms (accents or not), limit ${limit}`,
      nextRequest: (random) => {
        const terms = random.pickSome(FREE_TEXT_TERMS, random.next() < 0.25 ? 2 : 1);
        return query('/api/search', { q: terms.join(','), limit });
      },
    },
    {
      name: 'sort by eo:cloud_cover',
      description: `GET /api/search, one optical collection, bbox of 1–10°, sortby ±eo:cloud_cover, limit ${limit}`,
      nextRequest: (random) =>
        query('/api/search', {
          collections: random.pick(optical),
          bbox: randomBbox(random, 1, 10).join(','),
          sortby: `${random.next() < 0.5 ? '+' : '-'}properties.eo:cloud_cover`,
          limit,
        }),
    },
  ];
}

/**
 * Requests for the first page of a paged search, `limit` items a page, from narrow to wide: one collection
 * over two years, then the whole collection, then the whole catalogue. The first that has enough pages is used.
 */
export function pagedSearchStarts(
  random: SeededRandom,
  collectionCount: number,
  limit: number,
): RequestSpec[] {
  const { all } = collectionIds(collectionCount);
  const collection = random.pick(all);
  const year = random.int(2019, 2024);
  return [
    query('/api/search', {
      collections: collection,
      datetime: `${year}-01-01T00:00:00Z/${year + 1}-12-31T23:59:59Z`,
      limit,
    }),
    query('/api/search', { collections: collection, limit }),
    query('/api/search', { datetime: `${year}-01-01T00:00:00Z/..`, limit }),
  ];
}

/**
 * The request of the `next` link of a STAC ItemCollection, or undefined on the last page. A POST link
 * with `merge: true` is merged into the previous request's body, as the STAC API paging spec says.
 */
export function nextPageRequest(itemCollection: unknown, previous: RequestSpec): RequestSpec | undefined {
  type Link = { rel: string; href: string; method?: string; body?: Record<string, unknown>; merge?: boolean };
  const links = (itemCollection as { links?: Link[] }).links ?? [];
  const next = links.find((link) => link.rel === 'next');
  if (next === undefined) return undefined;
  const url = new URL(next.href);
  const path = `${url.pathname}${url.search}`;
  if (next.method !== 'POST') return { method: 'GET', path };
  const base =
    next.merge === true && typeof previous.body === 'object'
      ? (previous.body as Record<string, unknown>)
      : {};
  return { method: 'POST', path, body: { ...base, ...next.body } };
}
