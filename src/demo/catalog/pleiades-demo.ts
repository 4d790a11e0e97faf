/**
 * Very-high-resolution optical products: Pléiades / Pléiades Neo scenes of La Réunion (2025) and of Mayotte
 * after cyclone Chido (14 December 2024), and Pléiades stereo DSMs of Piton de la Fournaise before and after
 * the April 2021 and September 2022 eruptions.
 */
import type { Polygon } from 'geojson';
import type { StacAsset, StacCollection, StacItem } from '../../catalog/model/stac-types.js';
import type { SeededRandom } from '../seeded-random.js';
import { rangeOf } from './sentinel2-demo.js';
import {
  bboxPolygon,
  EPSG_RGR92_UTM40S,
  EPSG_WGS84_UTM38S,
  EPSG_WGS84_UTM40S,
  FOURNAISE_ENCLOS_BBOX,
  projectedBbox,
  roundTo,
} from './demo-places.js';
import { addDays, demoCollection, demoItem, geometryBbox, isoUtc } from './demo-records.js';
import { COG_MEDIA_TYPE, EXTENSION, LICENSE, PROVIDER } from './demo-vocabulary.js';

const PLATFORMS = [
  { platform: 'pleiades-1a', constellation: 'pleiades', instruments: ['hiri'], gsd: 0.5, swathKm: 20 },
  {
    platform: 'pleiades-neo-3',
    constellation: 'pleiades-neo',
    instruments: ['neo-imager'],
    gsd: 0.3,
    swathKm: 14,
  },
  {
    platform: 'pleiades-neo-4',
    constellation: 'pleiades-neo',
    instruments: ['neo-imager'],
    gsd: 0.3,
    swathKm: 14,
  },
] as const;

/**
 * Pixel size of the demo's Pléiades-like scenes, in metres: far coarser than the sensors' 0.3–0.5 m, so that
 * the demo's files stay small and quick to generate.
 */
export const PLEIADES_DEMO_GSD = 50;

const MS_BANDS = [
  { name: 'B0', 'eo:common_name': 'blue', 'eo:center_wavelength': 0.49, 'eo:full_width_half_max': 0.06 },
  { name: 'B1', 'eo:common_name': 'green', 'eo:center_wavelength': 0.56, 'eo:full_width_half_max': 0.06 },
  { name: 'B2', 'eo:common_name': 'red', 'eo:center_wavelength': 0.65, 'eo:full_width_half_max': 0.06 },
  { name: 'B3', 'eo:common_name': 'nir', 'eo:center_wavelength': 0.84, 'eo:full_width_half_max': 0.1 },
];

/** A scene footprint: a square of `sizeKm` centred on a point, turned by the orbit heading (about 12°). */
function sceneFootprint(lon: number, lat: number, sizeKm: number, random: SeededRandom): Polygon {
  const angle = ((-12 + random.between(-2, 2)) * Math.PI) / 180;
  const half = sizeKm / 2;
  const kmPerLon = 111.32 * Math.cos((lat * Math.PI) / 180);
  const corners = [
    [-half, -half],
    [half, -half],
    [half, half],
    [-half, half],
  ].map(([x, y]) => {
    const east = x * Math.cos(angle) - y * Math.sin(angle);
    const north = x * Math.sin(angle) + y * Math.cos(angle);
    return [roundTo(lon + east / kmPerLon, 6), roundTo(lat + north / 110.57, 6)];
  });
  return { type: 'Polygon', coordinates: [[...corners, corners[0]]] };
}

interface SceneSite {
  name: string;
  lon: number;
  lat: number;
}

function sceneItem(
  collection: string,
  site: SceneSite,
  datetime: string,
  epsg: number,
  keywords: string[],
  random: SeededRandom,
  maxCloud: number,
): StacItem {
  const sensor = random.pick(PLATFORMS);
  const stamp = datetime.replace(/[-:]/g, '').slice(0, 15);
  const itemId = `${sensor.platform.toUpperCase().replace(/-/g, '_')}_${stamp}_${site.name.toUpperCase().replace(/[^A-Z]+/g, '-')}`;
  const created = addDays(datetime, random.between(0.2, 3));
  const folder = `assets/${collection}/${itemId}`;
  const offNadir = roundTo(random.between(2, 28), 2);
  const pms: StacAsset = {
    href: `${folder}/${itemId}_PMS.tif`,
    type: COG_MEDIA_TYPE,
    title: 'Multispectral fusionné (pansharpening) / Pansharpened multispectral',
    roles: ['data', 'visual'],
    data_type: 'uint16',
    nodata: 0,
    bands: MS_BANDS.map((band) => ({
      ...band,
      'raster:scale': 0.0001,
      'raster:offset': 0,
      'raster:spatial_resolution': PLEIADES_DEMO_GSD,
    })),
  };
  const geometry = sceneFootprint(site.lon, site.lat, sensor.swathKm, random);
  const grid = projectedBbox(epsg, geometryBbox(geometry), PLEIADES_DEMO_GSD);
  return demoItem({
    collection,
    id: itemId,
    geometry,
    datetime,
    title: `${sensor.platform === 'pleiades-1a' ? 'Pléiades 1A' : `Pléiades Neo ${sensor.platform.slice(-1)}`} – ${site.name} – ${datetime.slice(0, 10)}`,
    keywords: [...keywords, 'Pléiades', site.name],
    created,
    published: addDays(created, random.integer(1, 6)),
    extensions: [EXTENSION.eo, EXTENSION.projection, EXTENSION.raster, EXTENSION.view, EXTENSION.processing],
    properties: {
      platform: sensor.platform,
      constellation: sensor.constellation,
      instruments: [...sensor.instruments],
      gsd: PLEIADES_DEMO_GSD,
      'eo:cloud_cover': roundTo(random.between(0, maxCloud), 1),
      'proj:code': `EPSG:${epsg}`,
      'proj:bbox': grid,
      'proj:shape': [(grid[3] - grid[1]) / PLEIADES_DEMO_GSD, (grid[2] - grid[0]) / PLEIADES_DEMO_GSD],
      'proj:transform': [PLEIADES_DEMO_GSD, 0, grid[0], 0, -PLEIADES_DEMO_GSD, grid[3]],
      'view:off_nadir': offNadir,
      'view:incidence_angle': roundTo(offNadir * 1.12, 2),
      'view:azimuth': roundTo(random.between(0, 360), 2),
      'view:sun_azimuth': roundTo(random.between(40, 75), 2),
      'view:sun_elevation': roundTo(random.between(45, 78), 2),
      'processing:level': 'L2',
      'processing:facility': 'DINAMIS – CNES',
      'processing:lineage':
        'Ortho-rectification et fusion panchromatique / Orthorectification and pansharpening',
    },
    // Only the image: the demo has no DIMAP metadata file to offer, and an asset must lead to a file.
    assets: { pms },
  });
}

const REUNION_SITES: SceneSite[] = [
  { name: 'Saint-Denis', lon: 55.47, lat: -20.93 },
  { name: 'Saint-Paul', lon: 55.29, lat: -21.04 },
  { name: 'Saint-Leu', lon: 55.34, lat: -21.2 },
  { name: 'Saint-Pierre', lon: 55.5, lat: -21.3 },
  { name: 'Piton de la Fournaise', lon: 55.71, lat: -21.24 },
  { name: 'Saint-Benoît', lon: 55.68, lat: -21.07 },
  { name: 'Cirque de Salazie', lon: 55.52, lat: -21.07 },
  { name: 'Cirque de Cilaos', lon: 55.46, lat: -21.14 },
];

const MAYOTTE_SITES: SceneSite[] = [
  { name: 'Mamoudzou', lon: 45.21, lat: -12.78 },
  { name: 'Petite-Terre', lon: 45.27, lat: -12.79 },
  { name: 'Mtsamboro', lon: 45.08, lat: -12.7 },
  { name: 'Chirongui', lon: 45.14, lat: -12.93 },
  { name: 'Sada', lon: 45.11, lat: -12.85 },
  { name: 'Bandrélé', lon: 45.19, lat: -12.9 },
];

function scenesCollection(
  id: string,
  title: { fr: string; en: string },
  description: { fr: string; en: string },
  keywords: string[],
  items: StacItem[],
  providers: StacCollection['providers'] & object,
  year: number,
): StacCollection {
  return demoCollection({
    id,
    title,
    description,
    keywords,
    license: LICENSE.dinamis,
    providers,
    items,
    citation: { authors: 'CNES / DINAMIS (démonstration Fournaise)', year },
    extensions: [EXTENSION.eo, EXTENSION.projection, EXTENSION.view],
    summaries: {
      platform: [...new Set(items.map((item) => item.properties.platform as string))].sort(),
      constellation: [...new Set(items.map((item) => item.properties.constellation as string))].sort(),
      gsd: [...new Set(items.map((item) => item.properties.gsd as number))].sort(),
      'eo:cloud_cover': rangeOf(items, 'eo:cloud_cover'),
      'view:off_nadir': rangeOf(items, 'view:off_nadir'),
      bands: MS_BANDS,
    },
    itemAssets: {
      pms: {
        type: COG_MEDIA_TYPE,
        title: 'Multispectral fusionné / Pansharpened multispectral',
        roles: ['data', 'visual'],
      },
    },
  });
}

export function generatePleiadesReunion2025(random: SeededRandom): {
  collection: StacCollection;
  items: StacItem[];
} {
  const id = 'pleiades-reunion-2025';
  const items = REUNION_SITES.map((site, index) => {
    const datetime = isoUtc(
      2025,
      index + 1,
      random.integer(2, 27),
      6,
      random.integer(20, 50),
      random.integer(0, 59),
    );
    return sceneItem(
      id,
      site,
      datetime,
      EPSG_WGS84_UTM40S,
      ['La Réunion', 'très haute résolution', 'very high resolution'],
      random,
      25,
    );
  });
  const collection = scenesCollection(
    id,
    { fr: 'Images Pléiades de La Réunion 2025', en: 'Pléiades images of La Réunion, 2025' },
    {
      fr: `Scènes Pléiades et Pléiades Neo orthorectifiées (50 cm et 30 cm, rééchantillonnées à ${PLEIADES_DEMO_GSD} m dans la démonstration) de La Réunion acquises en 2025 via DINAMIS : littoral, cirques, Piton de la Fournaise.`,
      en: `Orthorectified Pléiades and Pléiades Neo scenes (50 cm and 30 cm, resampled to ${PLEIADES_DEMO_GSD} m in the demo) of La Réunion acquired in 2025 through DINAMIS: coast, cirques, Piton de la Fournaise.`,
    },
    [
      'Pléiades',
      'Pléiades Neo',
      'DINAMIS',
      'très haute résolution',
      'very high resolution',
      'La Réunion',
      'optique',
      'optical',
    ],
    items,
    [PROVIDER.cnes, PROVIDER.dinamis],
    2025,
  );
  return { collection, items };
}

export function generatePleiadesMayotteChido(random: SeededRandom): {
  collection: StacCollection;
  items: StacItem[];
} {
  const id = 'pleiades-mayotte-chido';
  const items = MAYOTTE_SITES.map((site, index) => {
    const datetime = isoUtc(
      2024,
      12,
      16 + 2 * index + random.integer(0, 1),
      7,
      random.integer(0, 40),
      random.integer(0, 59),
    );
    return sceneItem(
      id,
      site,
      datetime,
      EPSG_WGS84_UTM38S,
      ['Mayotte', 'cyclone Chido', 'catastrophe', 'disaster'],
      random,
      40,
    );
  });
  const collection = scenesCollection(
    id,
    {
      fr: 'Images Pléiades de Mayotte après le cyclone Chido',
      en: 'Pléiades images of Mayotte after cyclone Chido',
    },
    {
      fr: 'Scènes Pléiades et Pléiades Neo de Mayotte acquises du 16 au 30 décembre 2024, après le passage du cyclone tropical intense Chido (14 décembre 2024), pour la cartographie des dégâts et l’appui à la gestion de crise.',
      en: 'Pléiades and Pléiades Neo scenes of Mayotte acquired from 16 to 30 December 2024, after intense tropical cyclone Chido (14 December 2024), for damage mapping and crisis-management support.',
    },
    [
      'Mayotte',
      'cyclone Chido',
      'cyclone',
      'catastrophe naturelle',
      'natural disaster',
      'gestion de crise',
      'crisis management',
      'Pléiades',
    ],
    items,
    [PROVIDER.cnes, PROVIDER.dinamis, PROVIDER.sertit],
    2024,
  );
  return { collection, items };
}

const DSM_SURVEYS = [
  { date: isoUtc(2021, 3, 18, 6, 42, 11), eruption: '2021-04-09/2021-05-24', relation: 'before' },
  { date: isoUtc(2021, 5, 29, 6, 38, 54), eruption: '2021-04-09/2021-05-24', relation: 'after' },
  { date: isoUtc(2022, 9, 8, 6, 45, 2), eruption: '2022-09-19/2022-10-05', relation: 'before' },
  { date: isoUtc(2022, 10, 21, 6, 40, 37), eruption: '2022-09-19/2022-10-05', relation: 'after' },
] as const;

/** DSM pixel size, in metres. */
export const FOURNAISE_DSM_GSD = 20;

export function generateFournaiseDsms(random: SeededRandom): {
  collection: StacCollection;
  items: StacItem[];
} {
  const id = 'pleiades-dsm-piton-fournaise';
  const bbox = projectedBbox(EPSG_RGR92_UTM40S, FOURNAISE_ENCLOS_BBOX, FOURNAISE_DSM_GSD);
  const items = DSM_SURVEYS.map((survey) => {
    const day = survey.date.slice(0, 10);
    const itemId = `pleiades-dsm-fournaise-${day}`;
    const created = addDays(survey.date, random.between(10, 40));
    const [start, end] = survey.eruption.split('/');
    return demoItem({
      collection: id,
      id: itemId,
      geometry: bboxPolygon(FOURNAISE_ENCLOS_BBOX),
      datetime: survey.date,
      title: `MNS Pléiades du Piton de la Fournaise ${day} (${survey.relation === 'before' ? 'avant' : 'après'} l’éruption) / Pléiades DSM, ${survey.relation} the eruption`,
      keywords: [
        'Piton de la Fournaise',
        'volcan',
        'volcano',
        'éruption',
        'eruption',
        'coulée de lave',
        'lava flow',
        'MNS',
        'DSM',
      ],
      created,
      published: addDays(created, random.integer(2, 14)),
      extensions: [EXTENSION.projection, EXTENSION.raster, EXTENSION.view, EXTENSION.processing],
      properties: {
        platform: 'pleiades-1a',
        constellation: 'pleiades',
        instruments: ['hiri'],
        gsd: FOURNAISE_DSM_GSD,
        'proj:code': `EPSG:${EPSG_RGR92_UTM40S}`,
        'proj:bbox': bbox,
        'proj:shape': [(bbox[3] - bbox[1]) / FOURNAISE_DSM_GSD, (bbox[2] - bbox[0]) / FOURNAISE_DSM_GSD],
        'proj:transform': [FOURNAISE_DSM_GSD, 0, bbox[0], 0, -FOURNAISE_DSM_GSD, bbox[3]],
        'view:off_nadir': roundTo(random.between(8, 16), 2),
        'processing:level': 'L3',
        'processing:facility': 'ForM@Ter DSM-OPT',
        'processing:software': { 'MicMac (DSM-OPT)': '1.1' },
        'processing:lineage':
          'Corrélation d’un triplet stéréoscopique Pléiades, filtrage et bouchage des trous / Correlation of a Pléiades stereo triplet, filtering and hole filling',
        'fournaise:eruption': {
          start: `${start}T00:00:00Z`,
          end: `${end}T23:59:59Z`,
          relation: survey.relation,
        },
      },
      assets: {
        dsm: {
          href: `assets/${id}/${itemId}/${itemId}_dsm.tif`,
          type: COG_MEDIA_TYPE,
          title: 'Modèle numérique de surface / Digital surface model',
          roles: ['data', 'elevation'],
          data_type: 'float32',
          nodata: -32768,
          unit: 'm',
          'raster:spatial_resolution': FOURNAISE_DSM_GSD,
        },
      },
    });
  });
  const collection = demoCollection({
    id,
    title: { fr: 'MNS Pléiades du Piton de la Fournaise', en: 'Pléiades DSMs of Piton de la Fournaise' },
    description: {
      fr: `Modèles numériques de surface à ${FOURNAISE_DSM_GSD} m de l’Enclos Fouqué calculés par le service DSM-OPT de ForM@Ter à partir de triplets stéréoscopiques Pléiades, avant et après les éruptions d’avril 2021 et de septembre 2022, pour mesurer l’épaisseur et le volume des coulées de lave.`,
      en: `${FOURNAISE_DSM_GSD} m digital surface models of the Enclos Fouqué computed by the ForM@Ter DSM-OPT service from Pléiades stereo triplets, before and after the April 2021 and September 2022 eruptions, to measure lava-flow thickness and volume.`,
    },
    keywords: [
      'Piton de la Fournaise',
      'volcan',
      'volcano',
      'MNS',
      'DSM',
      'stéréo',
      'stereo',
      'Pléiades',
      'coulée de lave',
      'lava flow',
      'La Réunion',
    ],
    license: LICENSE.dinamis,
    providers: [PROVIDER.cnes, PROVIDER.formater, PROVIDER.opgc, PROVIDER.ovpf],
    items,
    citation: { authors: 'ForM@Ter, OPGC, OVPF-IPGP (démonstration Fournaise)', year: 2023 },
    extensions: [EXTENSION.projection],
    summaries: {
      platform: ['pleiades-1a'],
      gsd: [FOURNAISE_DSM_GSD],
      'proj:code': [`EPSG:${EPSG_RGR92_UTM40S}`],
    },
    itemAssets: {
      dsm: {
        type: COG_MEDIA_TYPE,
        title: 'Modèle numérique de surface / Digital surface model',
        roles: ['data', 'elevation'],
      },
    },
  });
  return { collection, items };
}
