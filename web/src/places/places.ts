/**
 * Named places of the La Réunion demo centre for the place search: a name, its variants, and a box
 * [west, south, east, north] in degrees. Boxes are approximate, drawn to frame each place on the map.
 */
export interface Place {
  name: string;
  aliases: string[];
  bbox: [number, number, number, number];
}

export const PLACES: Place[] = [
  {
    name: 'La Réunion',
    aliases: ['reunion', 'île de la réunion', 'reunion island'],
    bbox: [55.2, -21.4, 55.85, -20.85],
  },
  {
    name: 'Piton de la Fournaise',
    aliases: ['fournaise', 'volcan', 'volcano'],
    bbox: [55.62, -21.32, 55.8, -21.17],
  },
  {
    name: "Plage de l'Hermitage",
    aliases: ['hermitage', 'hermitage beach'],
    bbox: [55.215, -21.095, 55.235, -21.07],
  },
  { name: 'Saint-Denis', aliases: ['st-denis', 'saint denis'], bbox: [55.41, -20.92, 55.5, -20.86] },
  { name: 'Saint-Pierre', aliases: ['st-pierre', 'saint pierre'], bbox: [55.44, -21.36, 55.52, -21.3] },
  { name: 'Saint-Paul', aliases: ['st-paul', 'saint paul'], bbox: [55.25, -21.05, 55.33, -20.97] },
  {
    name: 'Saint-Gilles-les-Bains',
    aliases: ['saint-gilles', 'st-gilles'],
    bbox: [55.21, -21.07, 55.25, -21.03],
  },
  { name: 'Hell-Bourg', aliases: ['hellbourg', 'salazie'], bbox: [55.5, -21.08, 55.54, -21.05] },
  { name: 'Cilaos', aliases: ['cirque de cilaos'], bbox: [55.43, -21.17, 55.51, -21.1] },
  { name: 'Mafate', aliases: ['cirque de mafate'], bbox: [55.37, -21.1, 55.47, -21.0] },
  {
    name: 'Rivière des Pluies',
    aliases: ['riviere des pluies', 'erorun'],
    bbox: [55.46, -20.98, 55.52, -20.88],
  },
  { name: 'Grand Brûlé', aliases: ['grand brule'], bbox: [55.75, -21.3, 55.84, -21.18] },
  { name: 'Mayotte', aliases: ['maore', 'chido'], bbox: [44.98, -13.03, 45.32, -12.62] },
  { name: 'Mamoudzou', aliases: [], bbox: [45.19, -12.81, 45.25, -12.75] },
];

const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();

/** Places whose name or alias contains the query, ignoring case and accents, best (prefix) matches first. */
export function findPlaces(query: string): Place[] {
  const wanted = fold(query);
  if (!wanted) return [];
  const scored = PLACES.map((place) => {
    const names = [place.name, ...place.aliases].map(fold);
    const score = names.some((n) => n.startsWith(wanted)) ? 2 : names.some((n) => n.includes(wanted)) ? 1 : 0;
    return { place, score };
  }).filter((p) => p.score > 0);
  return scored.sort((a, b) => b.score - a.score).map((p) => p.place);
}
