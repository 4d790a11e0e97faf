/**
 * In-situ datasets as STAC collections, one item per station or sampling site: the ERORUN water chemistry of
 * the Rivière des Pluies and the GNSS network of Piton de la Fournaise. The observations themselves belong to
 * the in-situ capability, which adds them (and links to them) in its own demo contribution.
 */
import type { StacCollection, StacItem } from '../../catalog/model/stac-types.js';
import type { SeededRandom } from '../seeded-random.js';
import { type DemoStation, ERORUN_SITES, FOURNAISE_GNSS_STATIONS } from './demo-places.js';
import { addDays, demoCollection, demoItem, isoUtc } from './demo-records.js';
import { LICENSE, PROVIDER } from './demo-vocabulary.js';

/** Period of the ERORUN samples. */
export const ERORUN_PERIOD = { start: isoUtc(2016, 10, 14), end: isoUtc(2019, 1, 26, 23, 59, 59) };
/** Period of the GNSS daily positions. */
export const GNSS_PERIOD = { start: isoUtc(2015, 1, 1), end: isoUtc(2025, 12, 31, 23, 59, 59) };

/** Variables sampled by ERORUN, with their unit (UCUM). */
export const ERORUN_VARIABLES = [
  { id: 'ph', fr: 'pH', en: 'pH', unit: '[pH]' },
  {
    id: 'conductivity',
    fr: 'Conductivité électrique à 25 °C',
    en: 'Electrical conductivity at 25 °C',
    unit: 'uS/cm',
  },
  { id: 'water-temperature', fr: 'Température de l’eau', en: 'Water temperature', unit: 'Cel' },
  { id: 'alkalinity', fr: 'Alcalinité', en: 'Alkalinity', unit: 'meq/L' },
  { id: 'calcium', fr: 'Calcium dissous', en: 'Dissolved calcium', unit: 'mg/L' },
  { id: 'magnesium', fr: 'Magnésium dissous', en: 'Dissolved magnesium', unit: 'mg/L' },
  { id: 'sodium', fr: 'Sodium dissous', en: 'Dissolved sodium', unit: 'mg/L' },
  { id: 'potassium', fr: 'Potassium dissous', en: 'Dissolved potassium', unit: 'mg/L' },
  { id: 'silica', fr: 'Silice dissoute', en: 'Dissolved silica', unit: 'mg/L' },
  { id: 'chloride', fr: 'Chlorure', en: 'Chloride', unit: 'mg/L' },
  { id: 'sulfate', fr: 'Sulfate', en: 'Sulfate', unit: 'mg/L' },
  {
    id: 'suspended-sediment',
    fr: 'Matières en suspension',
    en: 'Suspended sediment concentration',
    unit: 'mg/L',
  },
] as const;

function stationItem(
  collection: string,
  station: DemoStation,
  period: { start: string; end: string },
  kind: string,
  keywords: string[],
  created: string,
): StacItem {
  return demoItem({
    collection,
    id: `${collection}-${station.code.toLowerCase()}`,
    geometry: { type: 'Point', coordinates: [station.lon, station.lat, station.elevation] },
    datetime: { start: period.start, end: period.end },
    title: `${kind} ${station.code} – ${station.name}`,
    keywords: [...keywords, station.code],
    created,
    properties: {
      'fournaise:station_code': station.code,
      'fournaise:station_name': station.name,
      'fournaise:elevation': station.elevation,
    },
  });
}

export function generateErorun(random: SeededRandom): { collection: StacCollection; items: StacItem[] } {
  const id = 'erorun-riviere-des-pluies';
  const created = addDays(ERORUN_PERIOD.end, random.integer(60, 200));
  const items = ERORUN_SITES.map((site) =>
    stationItem(
      id,
      site,
      ERORUN_PERIOD,
      'Site de prélèvement / Sampling site',
      ['ERORUN', 'Rivière des Pluies', 'chimie de l’eau', 'water chemistry'],
      created,
    ),
  );
  const collection = demoCollection({
    id,
    title: {
      fr: 'ERORUN – Chimie des eaux de la Rivière des Pluies',
      en: 'ERORUN – Rivière des Pluies water chemistry',
    },
    description: {
      fr: 'Prélèvements hebdomadaires et mensuels d’eau de rivière sur trois sites de la Rivière des Pluies (nord de La Réunion) du 14 octobre 2016 au 26 janvier 2019 : pH, conductivité, température, alcalinité, cations et anions majeurs, silice, matières en suspension ; pour l’étude de l’altération et de l’érosion des bassins volcaniques tropicaux.',
      en: 'Weekly and monthly river-water samples at three sites of the Rivière des Pluies (north of La Réunion) from 14 October 2016 to 26 January 2019: pH, conductivity, temperature, alkalinity, major cations and anions, silica, suspended sediment; for the study of weathering and erosion of tropical volcanic catchments.',
    },
    keywords: [
      'ERORUN',
      'Rivière des Pluies',
      'chimie de l’eau',
      'water chemistry',
      'qualité de l’eau',
      'water quality',
      'érosion',
      'erosion',
      'in situ',
      'zone critique',
      'critical zone',
      'La Réunion',
    ],
    license: LICENSE.ccBy,
    providers: [PROVIDER.ipgp, PROVIDER.univReunion, PROVIDER.ozcar],
    items,
    citation: { authors: 'IPGP, Université de La Réunion (démonstration Fournaise)', year: 2019 },
    summaries: { 'fournaise:variables': ERORUN_VARIABLES.map((variable) => variable.id) },
  });
  return { collection, items };
}

export function generateFournaiseGnss(random: SeededRandom): {
  collection: StacCollection;
  items: StacItem[];
} {
  const id = 'gnss-piton-fournaise';
  const created = isoUtc(2026, 1, random.integer(5, 20), 3);
  const items = FOURNAISE_GNSS_STATIONS.map((station) =>
    stationItem(
      id,
      station,
      GNSS_PERIOD,
      'Station GNSS / GNSS station',
      ['GNSS', 'GPS', 'déformation', 'deformation', 'Piton de la Fournaise'],
      created,
    ),
  );
  const collection = demoCollection({
    id,
    title: { fr: 'Stations GNSS du Piton de la Fournaise', en: 'GNSS stations of Piton de la Fournaise' },
    description: {
      fr: 'Positions journalières 2015–2025 des stations GNSS permanentes du réseau de l’observatoire volcanologique du Piton de la Fournaise (sommet, Enclos Fouqué, flancs), en deux solutions de calcul, pour le suivi de l’inflation de l’édifice avant les éruptions.',
      en: 'Daily positions 2015–2025 of the permanent GNSS stations of the Piton de la Fournaise volcano observatory network (summit, Enclos Fouqué, flanks), in two processing solutions, to monitor the inflation of the edifice before eruptions.',
    },
    keywords: [
      'GNSS',
      'GPS',
      'géodésie',
      'geodesy',
      'déformation',
      'ground deformation',
      'volcan',
      'volcano',
      'Piton de la Fournaise',
      'in situ',
      'La Réunion',
    ],
    license: LICENSE.ccBy,
    providers: [PROVIDER.ovpf, PROVIDER.ipgp, PROVIDER.formater],
    items,
    citation: { authors: 'OVPF-IPGP (démonstration Fournaise)', year: 2026 },
    summaries: { 'fournaise:station_code': FOURNAISE_GNSS_STATIONS.map((station) => station.code) },
  });
  return { collection, items };
}
