/**
 * Deterministic synthetic STAC items for the catalogue benchmark. Item `i` depends only on the seed, `i`
 * and the number of collections, so a batch can be generated anywhere in the sequence without the others.
 * Footprints cluster around La Réunion and the south-west Indian Ocean but cover the world, and about 1 %
 * of items sit on the antimeridian; properties follow real Sentinel/Landsat/Pléiades items; titles,
 * descriptions and keywords mix French and English so free-text search has realistic words (with accents).
 */
import type { StacAsset, StacItem } from '../../src/catalog/model/stac-types.js';
import { collectionProfile, type SensorProfile } from './synthetic-collections.js';
import { buildFootprint } from './synthetic-footprint.js';
import { SeededRandom } from './seeded-random.js';
import { placeNames, THEMES, type Theme } from './synthetic-vocabulary.js';

export interface GeneratorOptions {
  seed: number;
  collectionCount: number;
  /**
   * 'chronological': item `i` of `itemCount` is acquired at about the `i/itemCount` point of 2015–2025 (a
   * few days of jitter), as when a decade of archives is harvested in acquisition order; 'random': any
   * date, so consecutive items land anywhere in the datetime indexes (the worst case for ingest).
   */
  order: 'chronological' | 'random';
  itemCount: number;
}

const START_OF_2015 = Date.UTC(2015, 0, 1);
const END_OF_2025 = Date.UTC(2025, 11, 31, 23, 59, 59);
const DAY_MS = 86_400_000;
const REUNION = { lon: 55.53, lat: -21.12 };
const EXTENSIONS = [
  'https://stac-extensions.github.io/eo/v2.0.0/schema.json',
  'https://stac-extensions.github.io/view/v1.1.0/schema.json',
  'https://stac-extensions.github.io/projection/v2.0.0/schema.json',
  'https://stac-extensions.github.io/sat/v1.2.0/schema.json',
  'https://stac-extensions.github.io/file/v2.1.0/schema.json',
];
const LAT_BANDS = 'CDEFGHJKLMNPQRSTUVWX';
const GRID_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

/** Creates the generator; `itemAt(i)` is a pure function of the options and `i`. */
export function createItemGenerator(options: GeneratorOptions): { itemAt(index: number): StacItem } {
  const profiles = Array.from({ length: options.collectionCount }, (_, i) => collectionProfile(i));
  const weights = profiles.map((p) => p.profile.weight);
  return {
    itemAt(index: number): StacItem {
      const random = SeededRandom.forIndex(options.seed, index);
      if (options.order === 'random') {
        const { id: collection, profile } = profiles[random.weightedIndex(weights)];
        const start = Date.UTC(profile.firstYear, 0, 1);
        return buildItem(random, index, collection, profile, random.uniform(start, END_OF_2025));
      }
      const time = Math.min(
        END_OF_2025,
        Math.max(
          START_OF_2015,
          START_OF_2015 +
            ((index + 0.5) / options.itemCount) * (END_OF_2025 - START_OF_2015) +
            random.normal(0, 3 * DAY_MS),
        ),
      );
      // Only the collections whose mission had started by then.
      const year = new Date(time).getUTCFullYear();
      const active = profiles.map((p, i) => (p.profile.firstYear <= year ? weights[i] : 0));
      const { id: collection, profile } = profiles[random.weightedIndex(active)];
      return buildItem(random, index, collection, profile, time);
    },
  };
}

function buildItem(
  random: SeededRandom,
  index: number,
  collection: string,
  profile: SensorProfile,
  epochMs: number,
): StacItem {
  const time = new Date(Math.floor(epochMs / 1000) * 1000);
  const isAntimeridian = random.next() < 0.01;
  const center = isAntimeridian ? antimeridianCenter(random, profile) : pickCenter(random, profile.focus);
  const scale = random.uniform(0.8, 1.2);
  const isAscending = random.next() < 0.5;
  const footprint = buildFootprint(
    {
      lon: center.lon,
      lat: center.lat,
      widthKm: profile.widthKm * scale,
      lengthKm: profile.lengthKm * random.uniform(0.8, 1.2),
      headingDeg: (isAscending ? -12 : 192) + random.uniform(-4, 4),
    },
    random,
  );
  const platform = random.pick(profile.platforms);
  const normalizedLon = ((center.lon + 540) % 360) - 180;
  const zone = Math.min(60, Math.floor((normalizedLon + 180) / 6) + 1);
  const band = LAT_BANDS[Math.max(0, Math.min(19, Math.floor((center.lat + 80) / 8)))];
  const tile = `${zone}${band}${random.pick([...GRID_LETTERS])}${random.pick([...GRID_LETTERS])}`;
  const day = time.toISOString().slice(0, 10);
  const id = `${collection}_${platform}_${day.replaceAll('-', '')}_${tile}_${index.toString(36).padStart(5, '0')}`;
  const places = placeNames(center.lon, center.lat);
  const themes = random.pickSome(THEMES, random.int(1, 3));
  if (places.includes('La Réunion') && random.next() < 0.5) themes.push(THEMES[0]);
  const cloudCover = profile.isOptical ? cloudCoverSample(random) : undefined;
  const sunElevation = Math.round(random.uniform(15, 80) * 100) / 100;
  const created = new Date(time.getTime() + random.int(2, 72) * 3_600_000).toISOString();

  const properties: StacItem['properties'] = {
    datetime: time.toISOString(),
    created,
    updated: created,
    title: `${profile.title} ${platform} ${day} ${tile}`,
    description: describe(profile, platform, day, places, themes, random),
    platform,
    constellation: profile.constellation,
    instruments: profile.instruments,
    gsd: profile.gsd,
    ...(cloudCover === undefined ? {} : { 'eo:cloud_cover': cloudCover }),
    'view:off_nadir': Math.round(random.uniform(0, profile.maxOffNadir) * 100) / 100,
    'view:incidence_angle': Math.round(random.uniform(0, profile.maxOffNadir + 10) * 100) / 100,
    'view:azimuth': Math.round(random.uniform(0, 360) * 100) / 100,
    'view:sun_azimuth': Math.round(random.uniform(0, 360) * 100) / 100,
    'view:sun_elevation': sunElevation,
    'proj:code':
      profile.widthKm > 1000
        ? 'EPSG:4326'
        : `EPSG:${center.lat >= 0 ? 326 : 327}${String(zone).padStart(2, '0')}`,
    'sat:orbit_state': isAscending ? 'ascending' : 'descending',
    'sat:relative_orbit': random.int(1, 233),
    keywords: [...new Set([...themes.flatMap((t) => [t.fr, t.en]), ...places.slice(0, 2)])],
  };
  return {
    type: 'Feature',
    stac_version: '1.1.0',
    stac_extensions: EXTENSIONS,
    id,
    collection,
    geometry: footprint.geometry,
    bbox: footprint.bbox,
    properties,
    links: [],
    assets: buildAssets(profile, collection, id, day, random),
  };
}

function pickCenter(random: SeededRandom, focus: SensorProfile['focus']): { lon: number; lat: number } {
  const shares = { reunion: [0.8, 0.15], 'indian-ocean': [0.15, 0.55], world: [0.1, 0.25] }[focus];
  const r = random.next();
  if (r < shares[0]) return { lon: random.normal(REUNION.lon, 0.2), lat: random.normal(REUNION.lat, 0.15) };
  if (r < shares[0] + shares[1]) {
    return {
      lon: random.normal(REUNION.lon, 15),
      lat: Math.max(-60, Math.min(30, random.normal(REUNION.lat, 10))),
    };
  }
  // Uniform on the sphere between ±80° latitude.
  const sin80 = Math.sin((80 * Math.PI) / 180);
  return { lon: random.uniform(-180, 180), lat: (Math.asin(random.uniform(-sin80, sin80)) * 180) / Math.PI };
}

function antimeridianCenter(random: SeededRandom, profile: SensorProfile): { lon: number; lat: number } {
  const lat = random.uniform(-50, 60);
  const halfWidthDeg = profile.widthKm / 2 / (111.32 * Math.cos((lat * Math.PI) / 180));
  return { lon: 180 + random.uniform(-0.8, 0.8) * halfWidthDeg, lat };
}

/** Bimodal like real archives: many clear scenes, many overcast ones. */
function cloudCoverSample(random: SeededRandom): number {
  const r = random.next();
  const value = r < 0.4 ? random.uniform(0, 10) : r < 0.7 ? random.uniform(10, 60) : random.uniform(60, 100);
  return Math.round(value * 100) / 100;
}

function describe(
  profile: SensorProfile,
  platform: string,
  day: string,
  places: string[],
  themes: Theme[],
  random: SeededRandom,
): string {
  const place = places[0];
  const fr = `${profile.titleFr} acquise par ${platform} le ${day} au-dessus de ${place}. Thèmes : ${themes.map((t) => t.fr).join(', ')}.`;
  const en = `${profile.title} acquired by ${platform} on ${day} over ${places[places.length - 1]}. Topics: ${themes.map((t) => t.en).join(', ')}.`;
  return random.next() < 0.5 ? `${fr} ${en}` : `${en} ${fr}`;
}

function buildAssets(
  profile: SensorProfile,
  collection: string,
  id: string,
  day: string,
  random: SeededRandom,
): Record<string, StacAsset> {
  const base = `https://data.fournaise.example/${collection}/${day.replaceAll('-', '/')}/${id}`;
  const assets: Record<string, StacAsset> = {};
  for (const template of profile.assets) {
    const extension = template.type.startsWith('image/jpeg')
      ? 'jpg'
      : template.type.includes('xml')
        ? 'xml'
        : template.type.includes('netcdf')
          ? 'nc'
          : 'tif';
    assets[template.key] = {
      href: `${base}/${template.key}.${extension}`,
      title: template.title,
      type: template.type,
      roles: template.roles,
      ...(template.gsd === undefined ? {} : { gsd: template.gsd }),
      'file:size': random.int(50_000, template.roles.includes('data') ? 900_000_000 : 2_000_000),
    };
  }
  return assets;
}
