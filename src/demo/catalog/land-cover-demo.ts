/**
 * Land-cover maps of La Réunion, 2016–2020, each year in three nested nomenclatures (4, 11 and 30 classes),
 * in the style of the CIRAD/THEIA land-cover products of the island.
 */
import type { StacAsset, StacCollection, StacItem } from '../../catalog/model/stac-types.js';
import type { SeededRandom } from '../seeded-random.js';
import {
  EPSG_RGR92_UTM40S,
  projectedBbox,
  REUNION_BBOX,
  REUNION_OUTLINE,
  ringPolygon,
} from './demo-places.js';
import { addDays, demoCollection, demoItem, isoUtc } from './demo-records.js';
import { COG_MEDIA_TYPE, EXTENSION, LICENSE, PROVIDER } from './demo-vocabulary.js';
import {
  classificationClasses,
  LAND_COVER_LEVEL_1,
  LAND_COVER_LEVEL_2,
  LAND_COVER_LEVEL_3,
  type LandCoverClass,
} from './land-cover-classes.js';

const YEARS = [2016, 2017, 2018, 2019, 2020];
/** Pixel size of the maps, in metres. */
export const LAND_COVER_GSD = 100;
/** The common grid of every map, in EPSG:2975, snapped to the pixel size. */
export const LAND_COVER_GRID = (() => {
  const bbox = projectedBbox(EPSG_RGR92_UTM40S, REUNION_BBOX, LAND_COVER_GSD);
  return {
    'proj:code': `EPSG:${EPSG_RGR92_UTM40S}`,
    'proj:bbox': bbox,
    'proj:shape': [(bbox[3] - bbox[1]) / LAND_COVER_GSD, (bbox[2] - bbox[0]) / LAND_COVER_GSD],
    'proj:transform': [LAND_COVER_GSD, 0, bbox[0], 0, -LAND_COVER_GSD, bbox[3]],
  };
})();

const LEVELS: { key: string; classes: readonly LandCoverClass[]; label: string }[] = [
  { key: 'landcover-4', classes: LAND_COVER_LEVEL_1, label: '4 classes' },
  { key: 'landcover-11', classes: LAND_COVER_LEVEL_2, label: '11 classes' },
  { key: 'landcover-30', classes: LAND_COVER_LEVEL_3, label: '30 classes' },
];

function mapAsset(href: string, level: (typeof LEVELS)[number]): StacAsset {
  return {
    href,
    type: COG_MEDIA_TYPE,
    title: `Occupation du sol, ${level.label} / Land cover, ${level.label}`,
    roles: ['data'],
    data_type: 'uint8',
    nodata: 0,
    'classification:classes': classificationClasses(level.classes),
  };
}

export function generateLandCover(random: SeededRandom): { collection: StacCollection; items: StacItem[] } {
  const id = 'reunion-land-cover';
  const geometry = ringPolygon(REUNION_OUTLINE);
  const items = YEARS.map((year) => {
    const itemId = `reunion-land-cover-${year}`;
    const created = isoUtc(year + 1, random.integer(3, 6), random.integer(1, 28), 9);
    const folder = `assets/${id}/${itemId}`;
    return demoItem({
      collection: id,
      id: itemId,
      geometry,
      datetime: isoUtc(year, 7, 1),
      title: `Occupation du sol de La Réunion ${year} / La Réunion land cover ${year}`,
      keywords: ['occupation du sol', 'land cover', 'La Réunion', String(year)],
      created,
      published: addDays(created, random.integer(5, 30)),
      extensions: [EXTENSION.projection, EXTENSION.classification, EXTENSION.processing],
      properties: {
        start_datetime: isoUtc(year, 1, 1),
        end_datetime: addDays(isoUtc(year + 1, 1, 1), -1 / 86_400),
        gsd: LAND_COVER_GSD,
        ...LAND_COVER_GRID,
        'processing:level': 'L4',
        'processing:software': { Moringa: `1.${year - 2014}` },
        'processing:lineage':
          'Classification supervisée (forêt aléatoire) de séries temporelles Sentinel-2 et d’images SPOT 6/7, apprentissage sur relevés de terrain / Supervised random-forest classification of Sentinel-2 time series and SPOT 6/7 images trained on field surveys',
        'fournaise:overall_accuracy': Math.round(random.between(0.84, 0.91) * 1000) / 1000,
      },
      assets: Object.fromEntries(
        LEVELS.map((level) => [level.key, mapAsset(`${folder}/${itemId}_${level.key}.tif`, level)]),
      ),
    });
  });
  const collection = demoCollection({
    id,
    title: {
      fr: 'Occupation du sol de La Réunion en 4, 11 et 30 classes, 2016–2020',
      en: 'La Réunion land cover in 4, 11 and 30 classes, 2016–2020',
    },
    description: {
      fr: `Cartes annuelles d’occupation du sol de l’île de La Réunion à ${LAND_COVER_GSD} m, de 2016 à 2020, chacune selon trois nomenclatures emboîtées : 4 grands types, 11 classes et 30 classes détaillées (canne à sucre, prairies, forêts de montagne, coulées de lave récentes, ...).`,
      en: `Annual land-cover maps of La Réunion at ${LAND_COVER_GSD} m, 2016 to 2020, each in three nested nomenclatures: 4 broad types, 11 classes and 30 detailed classes (sugarcane, grassland, montane forests, recent lava flows, ...).`,
    },
    keywords: [
      'occupation du sol',
      'land cover',
      'utilisation des terres',
      'land use',
      'classification',
      'La Réunion',
      'agriculture',
    ],
    license: LICENSE.ccBy,
    providers: [PROVIDER.cirad, PROVIDER.theia, PROVIDER.ign],
    items,
    citation: { authors: 'CIRAD UMR TETIS (démonstration Fournaise)', year: 2021 },
    extensions: [EXTENSION.projection, EXTENSION.classification],
    summaries: { gsd: [LAND_COVER_GSD], 'proj:code': [`EPSG:${EPSG_RGR92_UTM40S}`] },
    itemAssets: Object.fromEntries(
      LEVELS.map((level) => [
        level.key,
        {
          type: COG_MEDIA_TYPE,
          title: `Occupation du sol, ${level.label} / Land cover, ${level.label}`,
          roles: ['data'],
          'classification:classes': classificationClasses(level.classes),
        },
      ]),
    ),
  });
  return { collection, items };
}
