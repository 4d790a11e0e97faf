/**
 * The demo contributions of every capability, one import each; importing a module registers its contribution.
 * To add one: write `src/demo/<capability>/<name>-demo-contribution.ts` calling `registerDemoContribution`, and
 * add its import here.
 */
import './catalog/catalog-demo-contribution.js';
