/**
 * An aerial orthophoto pair over the Hell-Bourg landslide (cirque de Salazie), for measuring ground
 * displacement by image correlation.
 */
import type { StacCollection, StacItem } from '../../catalog/model/stac-types.js';
import type { SeededRandom } from '../seeded-random.js';
import { bboxPolygon, EPSG_RGR92_UTM40S, type LonLatBbox, projectedBbox } from './demo-places.js';
import { addDays, demoCollection, demoItem, isoUtc } from './demo-records.js';
import { COG_MEDIA_TYPE, EXTENSION, LICENSE, PROVIDER } from './demo-vocabulary.js';

/** Hell-Bourg village and the landslide below it. */
export const HELL_BOURG_BBOX: LonLatBbox = [55.515, -21.077, 55.539, -21.056];
/** Orthophoto pixel size, in metres. */
export const HELL_BOURG_GSD = 2;

export function generateHellBourg(random: SeededRandom): { collection: StacCollection; items: StacItem[] } {
  const id = 'hell-bourg-orthophoto';
  const projected = projectedBbox(EPSG_RGR92_UTM40S, HELL_BOURG_BBOX, HELL_BOURG_GSD);
  const items = [isoUtc(2018, 6, 14, 7, 5), isoUtc(2023, 6, 20, 6, 50)].map((datetime) => {
    const year = datetime.slice(0, 4);
    const itemId = `hell-bourg-orthophoto-${year}`;
    const created = addDays(datetime, random.between(60, 120));
    return demoItem({
      collection: id,
      id: itemId,
      geometry: bboxPolygon(HELL_BOURG_BBOX),
      datetime,
      title: `Orthophotographie de Hell-Bourg ${year} / Hell-Bourg orthophoto ${year}`,
      keywords: [
        'Hell-Bourg',
        'Salazie',
        'glissement de terrain',
        'landslide',
        'orthophotographie',
        'orthophoto',
      ],
      created,
      published: addDays(created, random.integer(5, 20)),
      extensions: [EXTENSION.projection, EXTENSION.raster, EXTENSION.eo],
      properties: {
        platform: 'aircraft',
        instruments: ['ultracam-eagle'],
        gsd: HELL_BOURG_GSD,
        'proj:code': `EPSG:${EPSG_RGR92_UTM40S}`,
        'proj:bbox': projected,
        'proj:shape': [
          (projected[3] - projected[1]) / HELL_BOURG_GSD,
          (projected[2] - projected[0]) / HELL_BOURG_GSD,
        ],
        'proj:transform': [HELL_BOURG_GSD, 0, projected[0], 0, -HELL_BOURG_GSD, projected[3]],
      },
      assets: {
        orthophoto: {
          href: `assets/${id}/${itemId}/${itemId}.tif`,
          type: COG_MEDIA_TYPE,
          title: 'Orthophotographie RVB / RGB orthophoto',
          roles: ['data', 'visual'],
          data_type: 'uint8',
          bands: [
            { name: 'red', 'eo:common_name': 'red' },
            { name: 'green', 'eo:common_name': 'green' },
            { name: 'blue', 'eo:common_name': 'blue' },
          ],
          'raster:spatial_resolution': HELL_BOURG_GSD,
        },
      },
    });
  });
  const collection = demoCollection({
    id,
    title: { fr: 'Orthophotographies du glissement de Hell-Bourg', en: 'Hell-Bourg landslide orthophotos' },
    description: {
      fr: `Couple d’orthophotographies aériennes à ${HELL_BOURG_GSD} m (2018 et 2023) du village de Hell-Bourg et du glissement de terrain actif du cirque de Salazie, pour la mesure des déplacements du sol par corrélation d’images.`,
      en: `A pair of ${HELL_BOURG_GSD} m aerial orthophotos (2018 and 2023) of Hell-Bourg village and the active landslide of the Salazie cirque, for measuring ground displacement by image correlation.`,
    },
    keywords: [
      'Hell-Bourg',
      'Salazie',
      'glissement de terrain',
      'landslide',
      'mouvement de terrain',
      'ground motion',
      'La Réunion',
    ],
    license: LICENSE.etalab,
    providers: [PROVIDER.ign, PROVIDER.brgm],
    items,
    citation: { authors: 'BRGM Réunion (démonstration Fournaise)', year: 2023 },
    extensions: [EXTENSION.projection],
    summaries: { gsd: [HELL_BOURG_GSD], 'proj:code': [`EPSG:${EPSG_RGR92_UTM40S}`] },
    itemAssets: {
      orthophoto: {
        type: COG_MEDIA_TYPE,
        title: 'Orthophotographie RVB / RGB orthophoto',
        roles: ['data', 'visual'],
      },
    },
  });
  return { collection, items };
}
