/**
 * Sentinel-2 over La Réunion as THEIA distributes it: monthly cloud-free reflectance syntheses (level 3A,
 * WASP) and the level-2A surface-reflectance scenes (MAJA) behind them, on tile T40KCB, January–June 2024.
 */
import type { StacAsset, StacCollection, StacItem } from '../../catalog/model/stac-types.js';
import type { SeededRandom } from '../seeded-random.js';
import { projectedRectanglePolygon, roundTo, SENTINEL2_TILE_40KCB } from './demo-places.js';
import { addDays, demoCollection, demoItem, isoUtc } from './demo-records.js';
import { COG_MEDIA_TYPE, EXTENSION, LICENSE, PROVIDER } from './demo-vocabulary.js';

const MONTHS_2024 = [1, 2, 3, 4, 5, 6];
const FRENCH_MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin'];
const TILE = SENTINEL2_TILE_40KCB;
const FOOTPRINT = projectedRectanglePolygon(TILE.epsg, TILE.bbox);

/** The four 10 m bands of the demo products. Wavelengths in micrometres (Sentinel-2A MSI). */
const BANDS = [
  { name: 'B2', 'eo:common_name': 'blue', 'eo:center_wavelength': 0.492, 'eo:full_width_half_max': 0.066 },
  { name: 'B3', 'eo:common_name': 'green', 'eo:center_wavelength': 0.559, 'eo:full_width_half_max': 0.036 },
  { name: 'B4', 'eo:common_name': 'red', 'eo:center_wavelength': 0.665, 'eo:full_width_half_max': 0.031 },
  { name: 'B8', 'eo:common_name': 'nir', 'eo:center_wavelength': 0.833, 'eo:full_width_half_max': 0.106 },
];

/**
 * Pixel size of the demo's Sentinel-2-like rasters, in metres: coarser than the real 10 m bands so that the
 * 42 files of the demo stay small and quick to generate.
 */
export const SENTINEL2_DEMO_GSD = 200;

const TILE_PROJECTION = {
  'proj:code': `EPSG:${TILE.epsg}`,
  'proj:bbox': TILE.bbox,
  'proj:shape': [
    (TILE.bbox[3] - TILE.bbox[1]) / SENTINEL2_DEMO_GSD,
    (TILE.bbox[2] - TILE.bbox[0]) / SENTINEL2_DEMO_GSD,
  ],
  'proj:transform': [SENTINEL2_DEMO_GSD, 0, TILE.bbox[0], 0, -SENTINEL2_DEMO_GSD, TILE.bbox[3]],
};

function reflectanceAsset(href: string, title: string): StacAsset {
  return {
    href,
    type: COG_MEDIA_TYPE,
    title,
    roles: ['data', 'reflectance'],
    data_type: 'int16',
    nodata: -10000,
    bands: BANDS.map((band) => ({
      ...band,
      'raster:scale': 0.0001,
      'raster:offset': 0,
      'raster:spatial_resolution': SENTINEL2_DEMO_GSD,
    })),
  };
}

function maskAsset(href: string, title: string, description: string, nodata: number): StacAsset {
  return {
    href,
    type: COG_MEDIA_TYPE,
    title,
    description,
    roles: ['data-mask'],
    data_type: 'uint8',
    nodata,
  };
}

/** Sun position at the ~10:40 local overpass, roughly following the austral seasons at 21° S. */
function sunAngles(month: number, random: SeededRandom) {
  const seasonal = Math.cos(((month - 1) / 12) * 2 * Math.PI); // 1 in January (austral summer), -1 in July
  return {
    'view:sun_elevation': roundTo(58 + 14 * seasonal + random.between(-1.5, 1.5), 2),
    'view:sun_azimuth': roundTo(60 - 25 * seasonal + random.between(-3, 3), 2),
  };
}

/** The L2A scenes: one every five days, alternating Sentinel-2A and 2B, with tropical cloudiness. */
export function generateSentinel2Scenes(random: SeededRandom): {
  collection: StacCollection;
  items: StacItem[];
} {
  const id = 'sentinel2-l2a-theia-reunion';
  const items: StacItem[] = [];
  for (let day = 0, index = 0; day < 180; day += 5, index++) {
    const platform = index % 2 === 0 ? 'sentinel-2a' : 'sentinel-2b';
    const date = new Date(Date.UTC(2024, 0, 3 + day, 6, 37, random.integer(0, 59)));
    const datetime = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const month = date.getUTCMonth() + 1;
    const wet = month <= 3 ? 25 : 0; // the cyclone season is cloudier
    const cloudCover = roundTo(Math.min(98, random.between(4, 70) + wet), 1);
    const stamp = `${datetime.slice(0, 10).replace(/-/g, '')}-063${random.integer(100, 999)}-${random.integer(100, 999)}`;
    const itemId = `SENTINEL2${platform.slice(-1).toUpperCase()}_${stamp}_L2A_T40KCB_C_V3-1`;
    const created = addDays(datetime, random.between(0.3, 2));
    const folder = `assets/${id}/${itemId}`;
    items.push(
      demoItem({
        collection: id,
        id: itemId,
        geometry: FOOTPRINT,
        datetime,
        title: `Sentinel-2 L2A ${datetime.slice(0, 10)} T40KCB`,
        keywords: ['Sentinel-2', 'réflectance de surface', 'surface reflectance', 'La Réunion'],
        created,
        published: addDays(created, 1),
        extensions: [
          EXTENSION.eo,
          EXTENSION.projection,
          EXTENSION.raster,
          EXTENSION.view,
          EXTENSION.sat,
          EXTENSION.processing,
        ],
        properties: {
          platform,
          constellation: 'sentinel-2',
          instruments: ['msi'],
          gsd: SENTINEL2_DEMO_GSD,
          'eo:cloud_cover': cloudCover,
          ...TILE_PROJECTION,
          ...sunAngles(month, random),
          'view:off_nadir': roundTo(random.between(0.5, 10.5), 2),
          'sat:relative_orbit': 134,
          'sat:orbit_state': 'descending',
          'processing:level': 'L2A',
          'processing:facility': 'THEIA – CNES MUSCATE',
          'processing:software': { MAJA: '4.5' },
          'processing:lineage':
            'Correction atmosphérique et masque de nuages MAJA / MAJA atmospheric correction and cloud mask',
        },
        assets: {
          reflectance: reflectanceAsset(
            `${folder}/${itemId}_FRE.tif`,
            'Réflectance de surface / Surface reflectance (FRE)',
          ),
          'cloud-mask': maskAsset(
            `${folder}/${itemId}_CLM_R1.tif`,
            'Masque de nuages / Cloud mask (CLM)',
            'Bits MAJA : nuages, ombres de nuages, cirrus / MAJA bits: clouds, cloud shadows, cirrus',
            255,
          ),
        },
      }),
    );
  }
  const collection = demoCollection({
    id,
    title: {
      fr: 'Sentinel-2 L2A THEIA, La Réunion 2024',
      en: 'THEIA Sentinel-2 L2A scenes, La Réunion 2024',
    },
    description: {
      fr: 'Scènes Sentinel-2 de niveau 2A (réflectance de surface corrigée de l’atmosphère, masques de nuages MAJA) sur la tuile T40KCB qui couvre La Réunion, de janvier à juin 2024 ; entrées des synthèses mensuelles L3A.',
      en: 'Sentinel-2 level-2A scenes (atmospherically corrected surface reflectance, MAJA cloud masks) over tile T40KCB covering La Réunion, January to June 2024; the inputs of the monthly L3A syntheses.',
    },
    keywords: [
      'Sentinel-2',
      'THEIA',
      'MAJA',
      'L2A',
      'réflectance',
      'reflectance',
      'La Réunion',
      'optique',
      'optical',
    ],
    license: LICENSE.etalab,
    providers: [PROVIDER.esa, PROVIDER.cnes, PROVIDER.theia],
    items,
    citation: { authors: 'THEIA (démonstration Fournaise)', year: 2024 },
    extensions: [EXTENSION.eo, EXTENSION.projection],
    summaries: {
      platform: ['sentinel-2a', 'sentinel-2b'],
      constellation: ['sentinel-2'],
      instruments: ['msi'],
      gsd: [SENTINEL2_DEMO_GSD],
      'eo:cloud_cover': rangeOf(items, 'eo:cloud_cover'),
      'proj:code': [`EPSG:${TILE.epsg}`],
      bands: BANDS,
    },
    itemAssets: {
      reflectance: {
        type: COG_MEDIA_TYPE,
        title: 'Réflectance de surface / Surface reflectance (FRE)',
        roles: ['data', 'reflectance'],
      },
      'cloud-mask': {
        type: COG_MEDIA_TYPE,
        title: 'Masque de nuages / Cloud mask (CLM)',
        roles: ['data-mask'],
      },
    },
  });
  return { collection, items };
}

/** The monthly L3A syntheses, January–June 2024. */
export function generateReflectanceSyntheses(random: SeededRandom): {
  collection: StacCollection;
  items: StacItem[];
} {
  const id = 'theia-l3a-reunion-monthly';
  const items = MONTHS_2024.map((month) => {
    const start = isoUtc(2024, month, 1);
    const end = addDays(isoUtc(2024, month + 1, 1), -1 / 86_400);
    const itemId = `SENTINEL2X_2024${String(month).padStart(2, '0')}15-000000-000_L3A_T40KCB_C_V1-3`;
    const created = addDays(end, random.between(12, 25));
    const folder = `assets/${id}/${itemId}`;
    const monthName = FRENCH_MONTHS[month - 1];
    return demoItem({
      collection: id,
      id: itemId,
      geometry: FOOTPRINT,
      datetime: isoUtc(2024, month, 15),
      title: `Synthèse mensuelle L3A ${monthName} 2024 / L3A monthly synthesis 2024-${String(month).padStart(2, '0')}`,
      keywords: ['synthèse mensuelle', 'monthly synthesis', 'sans nuages', 'cloud-free', 'La Réunion'],
      created,
      published: addDays(created, 2),
      extensions: [EXTENSION.eo, EXTENSION.projection, EXTENSION.raster, EXTENSION.processing],
      properties: {
        start_datetime: start,
        end_datetime: end,
        constellation: 'sentinel-2',
        instruments: ['msi'],
        gsd: SENTINEL2_DEMO_GSD,
        'eo:cloud_cover': roundTo(random.between(0, 2.5), 2),
        ...TILE_PROJECTION,
        'processing:level': 'L3A',
        'processing:facility': 'THEIA – CNES MUSCATE',
        'processing:software': { WASP: '1.3' },
        'processing:lineage':
          'Moyenne pondérée des réflectances L2A sans nuages du mois (WASP) / Weighted average of the cloud-free L2A reflectances of the month (WASP)',
      },
      assets: {
        reflectance: reflectanceAsset(
          `${folder}/${itemId}_FRC.tif`,
          'Réflectance synthétique / Composite reflectance (FRC)',
        ),
        flags: maskAsset(
          `${folder}/${itemId}_FLG_R1.tif`,
          'Qualité / Quality flags (FLG)',
          '0 pas de donnée, 1 nuage, 2 neige, 3 eau, 4 sol / 0 no data, 1 cloud, 2 snow, 3 water, 4 land',
          0,
        ),
      },
    });
  });
  const collection = demoCollection({
    id,
    title: {
      fr: 'Synthèses mensuelles de réflectance sans nuages Sentinel-2 L3A (THEIA), La Réunion',
      en: 'THEIA monthly cloud-free Sentinel-2 L3A reflectance syntheses, La Réunion',
    },
    description: {
      fr: `Synthèses mensuelles de réflectance de surface sans nuages (niveau 3A, méthode WASP) calculées à partir des scènes Sentinel-2 L2A de la tuile T40KCB, de janvier à juin 2024. Quatre bandes (à ${SENTINEL2_DEMO_GSD} m dans la démonstration) : bleu, vert, rouge, proche infrarouge.`,
      en: `Monthly cloud-free surface reflectance syntheses (level 3A, WASP method) computed from the Sentinel-2 L2A scenes of tile T40KCB, January to June 2024. Four bands (at ${SENTINEL2_DEMO_GSD} m in the demo): blue, green, red, near infrared.`,
    },
    keywords: [
      'THEIA',
      'Sentinel-2',
      'L3A',
      'WASP',
      'synthèse mensuelle',
      'monthly composite',
      'réflectance',
      'reflectance',
      'La Réunion',
    ],
    license: LICENSE.etalab,
    providers: [PROVIDER.esa, PROVIDER.cnes, PROVIDER.theia],
    items,
    citation: { authors: 'THEIA (démonstration Fournaise)', year: 2024 },
    extensions: [EXTENSION.eo, EXTENSION.projection],
    summaries: {
      constellation: ['sentinel-2'],
      instruments: ['msi'],
      gsd: [SENTINEL2_DEMO_GSD],
      'proj:code': [`EPSG:${TILE.epsg}`],
      'processing:level': ['L3A'],
      bands: BANDS,
    },
    itemAssets: {
      reflectance: {
        type: COG_MEDIA_TYPE,
        title: 'Réflectance synthétique / Composite reflectance (FRC)',
        roles: ['data', 'reflectance'],
      },
      flags: { type: COG_MEDIA_TYPE, title: 'Qualité / Quality flags (FLG)', roles: ['data-mask'] },
    },
  });
  return { collection, items };
}

/** A `{ minimum, maximum }` summary of a numeric property over items. */
export function rangeOf(items: StacItem[], property: string): { minimum: number; maximum: number } {
  const values = items
    .map((item) => item.properties[property])
    .filter((v): v is number => typeof v === 'number');
  return { minimum: Math.min(...values), maximum: Math.max(...values) };
}
