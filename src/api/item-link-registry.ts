/**
 * Links that capability plugins add to every item the catalogue serves, e.g. the raster plugin's web-map
 * links (`xyz`, `tilejson`, `wmts`) for items with GeoTIFF assets, and whether stored asset files are served
 * (their hrefs are then published as absolute URLs). `buildApp` decorates the root instance
 * with one registry as `app.itemLinks`; the catalogue routes ask it for each item they return, so a plugin
 * registered after the catalogue still contributes.
 * See https://github.com/stac-extensions/web-map-links
 */
import type { StacAsset, StacItem, StacLink } from '../catalog/model/stac-types.js';
import { withPublicAssetHrefs } from './asset-hrefs.js';

/** Links of one item, from its stored form, its collection id and the absolute URL of the API root. */
export type ItemLinkProvider = (item: StacItem, collectionId: string, apiRoot: string) => StacLink[];

export class ItemLinkRegistry {
  readonly #providers: ItemLinkProvider[] = [];
  #servesStoredAssets = false;

  /**
   * Declares that the API serves the data directory's asset files (the raster plugin's asset route), so that
   * stored `assets/...` hrefs are published as absolute URLs of that route; see asset-hrefs.ts.
   */
  serveStoredAssets(): void {
    this.#servesStoredAssets = true;
  }

  /** `document` with the hrefs of its served asset files made absolute (unchanged when none are served). */
  publishAssets<T extends { assets?: Record<string, StacAsset> }>(document: T, apiRoot: string): T {
    return this.#servesStoredAssets ? withPublicAssetHrefs(document, apiRoot) : document;
  }

  add(provider: ItemLinkProvider): void {
    this.#providers.push(provider);
  }

  /** Links of every provider for an item that belongs to a collection (others have no API address). */
  links(item: StacItem, apiRoot: string): StacLink[] {
    if (item.collection === undefined) return [];
    const collectionId = item.collection;
    return this.#providers.flatMap((provider) => provider(item, collectionId, apiRoot));
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Links added to served items by capability plugins; see ItemLinkRegistry. */
    itemLinks: ItemLinkRegistry;
  }
}
