/** Texts of the server-rendered landing pages, in French and English. */
export type LandingLanguage = 'fr' | 'en';

const fr = {
  home: 'Accueil — recherche',
  dataset: 'Jeu de données',
  item: 'Produit',
  overview: 'Aperçu',
  description: 'Description',
  temporalCoverage: 'Couverture temporelle',
  spatialExtent: 'Emprise (O, S, E, N)',
  created: 'Création',
  published: 'Publication',
  updated: 'Révision',
  keywords: 'Mots-clés',
  providers: 'Producteurs et diffuseurs',
  licence: 'Licence',
  doi: 'DOI',
  howToCite: 'Comment citer',
  assets: 'Fichiers',
  asset: 'Fichier',
  mediaType: 'Type de média',
  size: 'Taille',
  roles: 'Rôles',
  download: 'Télécharger',
  map: 'Carte',
  items: 'Produits de ce jeu de données',
  timeline: 'Chronologie des produits',
  moreItems: 'Voir tous les produits dans le portail',
  metadataJson: 'Métadonnées STAC (JSON)',
  synthetic: 'Données de démonstration synthétiques : elles ne décrivent aucune mesure réelle.',
  platform: 'Plateforme',
  instruments: 'Instruments',
  resolution: 'Résolution au sol',
  cloudCover: 'Couverture nuageuse',
  projection: 'Projection',
  notFound: 'Introuvable',
  language: 'English',
  openViewer: 'Ouvrir dans le visualiseur cartographique',
} as const;

export type LandingKey = keyof typeof fr;

const en: Record<LandingKey, string> = {
  home: 'Home — search',
  dataset: 'Dataset',
  item: 'Product',
  overview: 'Overview',
  description: 'Description',
  temporalCoverage: 'Temporal coverage',
  spatialExtent: 'Extent (W, S, E, N)',
  created: 'Created',
  published: 'Published',
  updated: 'Revised',
  keywords: 'Keywords',
  providers: 'Producers and distributors',
  licence: 'Licence',
  doi: 'DOI',
  howToCite: 'How to cite',
  assets: 'Files',
  asset: 'File',
  mediaType: 'Media type',
  size: 'Size',
  roles: 'Roles',
  download: 'Download',
  map: 'Map',
  items: 'Products of this dataset',
  timeline: 'Timeline of the products',
  moreItems: 'See every product in the portal',
  metadataJson: 'STAC metadata (JSON)',
  synthetic: 'Synthetic demonstration data: it describes no real measurement.',
  platform: 'Platform',
  instruments: 'Instruments',
  resolution: 'Ground sample distance',
  cloudCover: 'Cloud cover',
  projection: 'Projection',
  notFound: 'Not found',
  language: 'Français',
  openViewer: 'Open in the map viewer',
};

export const LANDING_MESSAGES: Record<LandingLanguage, Record<LandingKey, string>> = { fr, en };

/** `?lang=` first, then the first supported Accept-Language, else French. */
export function pickLandingLanguage(query: unknown, acceptLanguage: string | undefined): LandingLanguage {
  if (query === 'fr' || query === 'en') return query;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === 'fr' || tag === 'en') return tag;
  }
  return 'fr';
}
