/**
 * Public surface of the demo centre: the contribution registry other capabilities plug into, the builder,
 * the seeded generator, and the shared places and product grids of La Réunion so every part lines up.
 */
export {
  registerDemoContribution,
  unregisterDemoContribution,
  orderedDemoContributions,
  DemoRegistryError,
  type DemoContext,
  type DemoContribution,
} from './demo-registry.js';
export {
  buildDemoCentre,
  isDemoBuildNeeded,
  DEFAULT_DEMO_SEED,
  DEMO_INCOMPLETE_MARKER,
  type BuildDemoOptions,
  type DemoProgressEvent,
} from './demo-builder.js';
export { SeededRandom } from './seeded-random.js';
export * from './catalog/demo-places.js';
export { generateCatalogDemo, type DemoCollectionData } from './catalog/catalog-demo-contribution.js';
export { LAND_COVER_GRID, LAND_COVER_GSD } from './catalog/land-cover-demo.js';
export {
  LAND_COVER_LEVEL_1,
  LAND_COVER_LEVEL_2,
  LAND_COVER_LEVEL_3,
  type LandCoverClass,
} from './catalog/land-cover-classes.js';
export { HERMITAGE_SURVEY_COUNT } from './catalog/hermitage-demo.js';
export { FOURNAISE_DSM_GSD } from './catalog/pleiades-demo.js';
export { HELL_BOURG_BBOX, HELL_BOURG_GSD } from './catalog/hell-bourg-demo.js';
export { ERORUN_PERIOD, ERORUN_VARIABLES, GNSS_PERIOD } from './catalog/insitu-datasets-demo.js';
export { SYNTHETIC_FLAG, SYNTHETIC_NOTICE, COG_MEDIA_TYPE } from './catalog/demo-vocabulary.js';
