/**
 * Words of the synthetic catalogue: research themes in French and English, and place names chosen by
 * location, so free-text queries ("Réunion", "erosion", "glissement") hit realistic shares of the items.
 */

export interface Theme {
  fr: string;
  en: string;
}

/** The first theme is the volcano one, favoured over La Réunion. */
export const THEMES: Theme[] = [
  { fr: 'éruption et coulée de lave', en: 'eruption and lava flow' },
  { fr: 'érosion côtière', en: 'coastal erosion' },
  { fr: 'glissement de terrain', en: 'landslide' },
  { fr: 'inondation', en: 'flood' },
  { fr: 'qualité de l’eau', en: 'water quality' },
  { fr: 'occupation du sol', en: 'land cover' },
  { fr: 'récif corallien', en: 'coral reef' },
  { fr: 'mangrove', en: 'mangrove' },
  { fr: 'cyclone tropical', en: 'tropical cyclone' },
  { fr: 'sécheresse', en: 'drought' },
  { fr: 'déforestation', en: 'deforestation' },
  { fr: 'canne à sucre', en: 'sugar cane' },
  { fr: 'étalement urbain', en: 'urban sprawl' },
  { fr: 'neige et glace', en: 'snow and ice' },
  { fr: 'houle', en: 'ocean swell' },
  { fr: 'trait de côte', en: 'shoreline' },
];

interface Region {
  west: number;
  south: number;
  east: number;
  north: number;
  names: string[];
}

// Most specific first: the first region containing the point wins.
const REGIONS: Region[] = [
  {
    west: 54.9,
    south: -21.6,
    east: 56.1,
    north: -20.6,
    names: [
      'La Réunion',
      'Piton de la Fournaise',
      'Cirque de Mafate',
      'Saint-Denis',
      'Plage de l’Hermitage',
      'Rivière des Pluies',
    ],
  },
  { west: 44.5, south: -13.3, east: 45.6, north: -12.3, names: ['Mayotte', 'Mamoudzou', 'lagon de Mayotte'] },
  { west: 56.9, south: -20.8, east: 58.2, north: -19.8, names: ['Maurice', 'Mauritius', 'Port-Louis'] },
  { west: 43, south: -26, east: 51, north: -11.5, names: ['Madagascar', 'Antananarivo', 'Toamasina'] },
  { west: 30, south: -50, east: 110, north: 25, names: ['Océan Indien', 'Indian Ocean', 'Mascareignes'] },
  { west: -10, south: 35, east: 40, north: 72, names: ['Europe', 'Méditerranée', 'Alpes'] },
  { west: -20, south: -35, east: 52, north: 35, names: ['Afrique', 'Africa', 'Sahel'] },
  { west: -82, south: -56, east: -34, north: 13, names: ['Amérique du Sud', 'South America', 'Amazonie'] },
  { west: -170, south: 13, east: -50, north: 75, names: ['Amérique du Nord', 'North America', 'Canada'] },
  { west: 60, south: 0, east: 150, north: 75, names: ['Asie', 'Asia', 'Himalaya'] },
  { west: 110, south: -50, east: 180, north: 0, names: ['Océanie', 'Australia', 'Nouvelle-Calédonie'] },
];

/** Two or three names for the place at (lon, lat); the open ocean otherwise. */
export function placeNames(lon: number, lat: number): string[] {
  const x = ((lon + 540) % 360) - 180;
  for (const region of REGIONS) {
    if (x >= region.west && x <= region.east && lat >= region.south && lat <= region.north) {
      return region.names.slice(0, 3 + (Math.abs(Math.round(x * 10)) % (region.names.length - 2)));
    }
  }
  return Math.abs(x) > 150 ? ['Pacifique', 'Pacific Ocean', 'Fidji'] : ['Océan', 'open ocean'];
}

/** Free-text query terms used by the benchmark, from common to rare, with and without accents. */
export const FREE_TEXT_TERMS: string[] = [
  'Réunion',
  'reunion',
  'Fournaise',
  'érosion',
  'erosion',
  'glissement',
  'landslide',
  'inondation',
  'flood',
  'mangrove',
  'corallien',
  'cyclone',
  'sécheresse',
  'drought',
  'Mayotte',
  'Madagascar',
  'Mafate',
  'Amazonie',
  'Himalaya',
  'Sahel',
  'lava',
  'coulée',
  'shoreline',
  'houle',
];
