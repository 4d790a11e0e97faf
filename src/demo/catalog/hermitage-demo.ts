/**
 * Drone surveys of the beach of l'Hermitage (Saint-Paul): a digital elevation model (MNT) and an orthophoto for
 * each of 22 surveys from November 2019 to May 2024, in RGR92 / UTM 40S (EPSG:2975), for coastal-erosion studies.
 */
import type { StacCollection, StacItem } from '../../catalog/model/stac-types.js';
import type { SeededRandom } from '../seeded-random.js';
import {
  bboxPolygon,
  EPSG_RGR92_UTM40S,
  HERMITAGE_BBOX,
  HERMITAGE_GSD,
  projectedBbox,
  unprojectXY,
} from './demo-places.js';
import { sandZoneRing } from '../raster/beach-model.js';
import { addDays, demoCollection, demoItem } from './demo-records.js';
import { COG_MEDIA_TYPE, demoCitation, demoDoi, EXTENSION, LICENSE, PROVIDER } from './demo-vocabulary.js';

export const HERMITAGE_SURVEY_COUNT = 22;
const FIRST_MONTH = { year: 2019, month: 11 };
const LAST_MONTH = { year: 2024, month: 5 };

/** The dates of the 22 surveys, spread evenly in months from 2019-11 to 2024-05, at morning low tide. */
export function hermitageSurveyDates(random: SeededRandom): string[] {
  const span = (LAST_MONTH.year - FIRST_MONTH.year) * 12 + (LAST_MONTH.month - FIRST_MONTH.month);
  return Array.from({ length: HERMITAGE_SURVEY_COUNT }, (_, index) => {
    const offset = Math.round((index * span) / (HERMITAGE_SURVEY_COUNT - 1));
    const month0 = FIRST_MONTH.month - 1 + offset;
    const date = new Date(
      Date.UTC(
        FIRST_MONTH.year + Math.floor(month0 / 12),
        month0 % 12,
        random.integer(3, 26),
        random.integer(2, 4),
        random.pick([0, 15, 30, 45]),
      ),
    );
    return date.toISOString().replace('.000Z', 'Z');
  });
}

const PROJECTED_BBOX = projectedBbox(EPSG_RGR92_UTM40S, HERMITAGE_BBOX, 2);

/**
 * Where the sand volumes of the DEM items (`fournaise:sand_volume_m3`) are measured: the beach strip from 15 m
 * seaward of the modelled shoreline to 65 m inland, as a polygon in EPSG:2975 and in longitude/latitude.
 */
export const SAND_VOLUME_ZONE = {
  crs: `EPSG:${EPSG_RGR92_UTM40S}`,
  polygon: { type: 'Polygon', coordinates: [sandZoneRing()] },
  polygon_lonlat: {
    type: 'Polygon',
    coordinates: [sandZoneRing().map(([x, y]) => unprojectXY(EPSG_RGR92_UTM40S, x, y))],
  },
  datum_m: 0,
  rule: 'volume = Σ max(0, z − datum) · pixel area over the valid DEM pixels whose centres lie inside the polygon',
};
const FOOTPRINT = bboxPolygon(HERMITAGE_BBOX);

type Product = 'mnt' | 'orthophoto';

const PRODUCT = {
  mnt: {
    collection: 'hermitage-mnt',
    title: { fr: 'MNT de la plage de l’Hermitage (drone)', en: 'Hermitage beach drone DEM' },
    gsd: HERMITAGE_GSD.dem,
    asset: 'dem',
  },
  orthophoto: {
    collection: 'hermitage-orthophoto',
    title: { fr: 'ORTHOPHOTO de la plage de l’Hermitage (drone)', en: 'Hermitage beach drone orthophoto' },
    gsd: HERMITAGE_GSD.orthophoto,
    asset: 'orthophoto',
  },
} as const;

function surveyItem(product: Product, datetime: string, index: number, random: SeededRandom): StacItem {
  const spec = PRODUCT[product];
  const day = datetime.slice(0, 10);
  const itemId = `${spec.collection}-${day}`;
  const created = addDays(datetime, random.between(3, 21));
  const doi = demoDoi(`${spec.collection}.${day}`);
  const folder = `assets/${spec.collection}/${itemId}`;
  const asset =
    product === 'mnt'
      ? {
          href: `${folder}/${itemId}_mnt.tif`,
          type: COG_MEDIA_TYPE,
          title: 'Modèle numérique de terrain / Digital elevation model',
          roles: ['data', 'elevation'],
          data_type: 'float32',
          nodata: -9999,
          unit: 'm',
          'raster:spatial_resolution': spec.gsd,
        }
      : {
          href: `${folder}/${itemId}_ortho.tif`,
          type: COG_MEDIA_TYPE,
          title: 'Orthophotographie RVB / RGB orthophoto',
          roles: ['data', 'visual'],
          data_type: 'uint8',
          bands: [
            { name: 'red', 'eo:common_name': 'red' },
            { name: 'green', 'eo:common_name': 'green' },
            { name: 'blue', 'eo:common_name': 'blue' },
          ],
          'raster:spatial_resolution': spec.gsd,
        };
  return demoItem({
    collection: spec.collection,
    id: itemId,
    geometry: FOOTPRINT,
    datetime,
    title: `${spec.title.fr} – levé n° ${index + 1} du ${day} / ${spec.title.en}, survey ${index + 1}, ${day}`,
    keywords: [
      'plage de l’Hermitage',
      'Hermitage beach',
      'érosion côtière',
      'coastal erosion',
      'drone',
      'UAV',
    ],
    created,
    published: addDays(created, random.integer(1, 10)),
    extensions: [
      EXTENSION.projection,
      EXTENSION.raster,
      EXTENSION.processing,
      EXTENSION.scientific,
      ...(product === 'orthophoto' ? [EXTENSION.eo] : []),
    ],
    properties: {
      platform: 'dji-phantom-4-rtk',
      instruments: ['fc6310r'],
      gsd: spec.gsd,
      'proj:code': `EPSG:${EPSG_RGR92_UTM40S}`,
      'proj:bbox': PROJECTED_BBOX,
      'proj:shape': [
        (PROJECTED_BBOX[3] - PROJECTED_BBOX[1]) / spec.gsd,
        (PROJECTED_BBOX[2] - PROJECTED_BBOX[0]) / spec.gsd,
      ],
      'proj:transform': [spec.gsd, 0, PROJECTED_BBOX[0], 0, -spec.gsd, PROJECTED_BBOX[3]],
      ...(product === 'mnt' ? { 'fournaise:sand_volume_zone': SAND_VOLUME_ZONE } : {}),
      'processing:level': product === 'mnt' ? 'L3' : 'L2',
      'processing:software': { 'Agisoft Metashape': '1.8.4' },
      'processing:lineage':
        'Photogrammétrie SfM, positionnement RTK, 12 points d’appui au sol / SfM photogrammetry, RTK positioning, 12 ground control points',
      'sci:doi': doi,
      'sci:citation': demoCitation(
        'Université de La Réunion (démonstration Fournaise)',
        Number(day.slice(0, 4)),
        itemId,
        doi,
      ),
      'fournaise:survey_number': index + 1,
    },
    assets: { [spec.asset]: asset },
  });
}

function surveyCollection(product: Product, items: StacItem[]): StacCollection {
  const spec = PRODUCT[product];
  const what =
    product === 'mnt'
      ? { fr: 'Modèles numériques de terrain', en: 'Digital elevation models' }
      : { fr: 'Orthophotographies', en: 'Orthophotos' };
  return demoCollection({
    id: spec.collection,
    title: spec.title,
    description: {
      fr: `${what.fr} à ${spec.gsd} m de la plage de l’Hermitage et de son arrière-plage (Saint-Paul, La Réunion), issus de ${HERMITAGE_SURVEY_COUNT} levés par drone de novembre 2019 à mai 2024, pour le suivi de l’érosion côtière et des volumes de sable après les houles et cyclones.`,
      en: `${what.en} at ${spec.gsd} m of Hermitage beach and back-beach (Saint-Paul, La Réunion) from ${HERMITAGE_SURVEY_COUNT} drone surveys between November 2019 and May 2024, to monitor coastal erosion and sand volumes after swells and cyclones.`,
    },
    keywords: [
      'Hermitage',
      'Saint-Paul',
      'plage',
      'beach',
      'érosion côtière',
      'coastal erosion',
      'drone',
      'photogrammétrie',
      'La Réunion',
    ],
    license: LICENSE.ccBy,
    providers: [PROVIDER.univReunion],
    items,
    citation: { authors: 'Université de La Réunion (démonstration Fournaise)', year: 2024 },
    extensions: [EXTENSION.projection],
    ...(product === 'mnt' ? { fields: { 'fournaise:sand_volume_zone': SAND_VOLUME_ZONE } } : {}),
    summaries: {
      platform: ['dji-phantom-4-rtk'],
      instruments: ['fc6310r'],
      gsd: [spec.gsd],
      'proj:code': [`EPSG:${EPSG_RGR92_UTM40S}`],
    },
    itemAssets: { [spec.asset]: { type: COG_MEDIA_TYPE, title: what.fr, roles: ['data'] } },
  });
}

/** Both Hermitage collections; the two products of a survey share its date. */
export function generateHermitage(random: SeededRandom): { collection: StacCollection; items: StacItem[] }[] {
  const dates = hermitageSurveyDates(random);
  return (['mnt', 'orthophoto'] as const).map((product) => {
    const items = dates.map((datetime, index) => surveyItem(product, datetime, index, random));
    return { collection: surveyCollection(product, items), items };
  });
}
