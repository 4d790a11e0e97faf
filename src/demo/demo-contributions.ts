/**
 * The demo contributions of every capability, one import each; importing a module registers its contribution.
 * To add one: write `src/demo/<capability>/<name>-demo-contribution.ts` calling `registerDemoContribution`
 * (imported from `../demo-registry.js`, not from `../index.js`, which imports this file), and add its import here.
 */
import './catalog/catalog-demo-contribution.js';
import './insitu-demo.js';
import './raster/raster-demo-contribution.js';
