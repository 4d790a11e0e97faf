/**
 * The three nested nomenclatures of the demo land-cover maps of La Réunion (4, 11 and 30 classes), modelled on
 * the island's land-cover databases: each level-3 class belongs to one level-2 class, and each level-2 class to
 * one level-1 class. Raster values are the class `value`s.
 * See https://github.com/stac-extensions/classification/tree/v1.0.0
 */

export interface LandCoverClass {
  value: number;
  name: string;
  description: string;
  'color-hint': string;
  /** Value of the parent class in the coarser level (absent at level 1). */
  parent?: number;
}

const c = (
  value: number,
  name: string,
  description: string,
  color: string,
  parent?: number,
): LandCoverClass => ({
  value,
  name,
  description,
  'color-hint': color,
  ...(parent === undefined ? {} : { parent }),
});

export const LAND_COVER_LEVEL_1: readonly LandCoverClass[] = [
  c(1, 'artificial', 'Surfaces artificialisées / Artificial surfaces', 'E31A1C'),
  c(2, 'agricultural', 'Surfaces agricoles / Agricultural land', 'FFD92F'),
  c(3, 'natural', 'Espaces naturels et semi-naturels / Natural and semi-natural areas', '1A9850'),
  c(4, 'water', 'Eau et zones humides / Water and wetlands', '2C7FB8'),
];

export const LAND_COVER_LEVEL_2: readonly LandCoverClass[] = [
  c(1, 'built-up', 'Bâti et infrastructures / Built-up areas and infrastructure', 'D7301F', 1),
  c(2, 'urban-green', 'Espaces verts urbains / Urban green areas', 'FC8D59', 1),
  c(3, 'sugarcane', 'Canne à sucre / Sugarcane', 'F7E64B', 2),
  c(4, 'grassland', 'Prairies et fourrages / Grassland and fodder', 'D9EF8B', 2),
  c(5, 'market-gardening', 'Maraîchage et cultures vivrières / Market gardening and food crops', 'FDAE61', 2),
  c(6, 'orchards', 'Vergers et cultures pérennes / Orchards and perennial crops', 'B8860B', 2),
  c(7, 'forest', 'Forêts / Forests', '006837', 3),
  c(8, 'shrubland', 'Fourrés et savanes / Thickets and savannah', '66BD63', 3),
  c(9, 'upland-heath', 'Landes et pelouses altimontaines / Upland heath and grassland', 'A6D96A', 3),
  c(
    10,
    'bare',
    'Roches nues, coulées de lave et sols nus / Bare rock, lava flows and bare soil',
    '8C8C8C',
    3,
  ),
  c(11, 'water', 'Eau / Water', '2C7FB8', 4),
];

export const LAND_COVER_LEVEL_3: readonly LandCoverClass[] = [
  c(1, 'dense-urban', 'Tissu urbain dense / Dense urban fabric', '99000D', 1),
  c(2, 'discontinuous-urban', 'Tissu urbain discontinu / Discontinuous urban fabric', 'CB181D', 1),
  c(
    3,
    'industrial-commercial',
    'Zones industrielles et commerciales / Industrial and commercial areas',
    'EF3B2C',
    1,
  ),
  c(4, 'roads', 'Routes et parkings / Roads and car parks', '737373', 1),
  c(5, 'airports-harbours', 'Aéroports et ports / Airports and harbours', 'A50F15', 1),
  c(6, 'gardens-parks', 'Jardins et parcs / Gardens and parks', 'FC9272', 2),
  c(7, 'sports-grounds', 'Terrains de sport / Sports grounds', 'FCBBA1', 2),
  c(8, 'sugarcane', 'Canne à sucre sur pied / Standing sugarcane', 'F7E64B', 3),
  c(9, 'sugarcane-harvested', 'Canne récemment récoltée / Recently harvested sugarcane', 'E6D36A', 3),
  c(10, 'grazed-grassland', 'Prairies pâturées / Grazed grassland', 'D9EF8B', 4),
  c(11, 'mown-meadows', 'Prairies de fauche / Mown meadows', 'C2E699', 4),
  c(12, 'open-field-vegetables', 'Maraîchage de plein champ / Open-field vegetables', 'FDAE61', 5),
  c(13, 'greenhouses', 'Serres et ombrières / Greenhouses and shade houses', 'F46D43', 5),
  c(14, 'food-crops', 'Cultures vivrières / Food crops', 'FEE08B', 5),
  c(15, 'pineapple', 'Ananas / Pineapple', 'FDB863', 5),
  c(16, 'orchards', 'Vergers (litchi, mangue, agrumes) / Orchards (lychee, mango, citrus)', 'B8860B', 6),
  c(17, 'banana', 'Bananeraies / Banana plantations', 'CDAD00', 6),
  c(18, 'geranium-vetiver', 'Géranium et vétiver / Geranium and vetiver', 'BF812D', 6),
  c(19, 'lowland-rainforest', 'Forêt humide de basse altitude / Lowland rainforest', '00441B', 7),
  c(
    20,
    'montane-cloud-forest',
    'Forêt de montagne (bois de couleurs des hauts) / Montane cloud forest',
    '006D2C',
    7,
  ),
  c(21, 'tamarind-forest', 'Forêt de tamarins des hauts / Highland tamarind forest', '238B45', 7),
  c(
    22,
    'forest-plantations',
    'Plantations forestières (cryptomeria) / Forest plantations (cryptomeria)',
    '41AB5D',
    7,
  ),
  c(
    23,
    'dry-savannah',
    'Fourrés secs et savanes de l’Ouest / Dry thickets and western savannah',
    'ADDD8E',
    8,
  ),
  c(
    24,
    'invasive-thickets',
    'Fourrés d’espèces exotiques envahissantes / Thickets of invasive alien species',
    '78C679',
    8,
  ),
  c(25, 'upland-heath', 'Landes altimontaines à branles / Upland Erica heath', 'A6D96A', 9),
  c(26, 'upland-grassland', 'Pelouses altimontaines / Upland grassland', 'D9F0A3', 9),
  c(27, 'recent-lava', 'Coulées de lave récentes / Recent lava flows', '252525', 10),
  c(28, 'cliffs-scree', 'Remparts et éboulis / Cliffs and scree', '969696', 10),
  c(29, 'beaches-bare-soil', 'Plages et sols nus / Beaches and bare soil', 'F5DEB3', 10),
  c(30, 'water', 'Eau (ravines, étangs, retenues) / Water (ravines, ponds, reservoirs)', '2C7FB8', 11),
];

/** The classes of a level as the classification extension writes them (without the parent link). */
export function classificationClasses(classes: readonly LandCoverClass[]) {
  return classes.map(({ value, name, description, 'color-hint': color }) => ({
    value,
    name,
    description,
    'color-hint': color,
  }));
}
