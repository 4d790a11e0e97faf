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
  readonly #providers: { provider: ItemLinkProvider; extension?: string }[] = [];
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

  /** Whether any provider adds links (they need each item parsed). */
  get hasProviders(): boolean {
    return this.#providers.length > 0;
  }

  /** Adds a provider; `extension` is the schema URI of the STAC extension its links belong to, if any. */
  add(provider: ItemLinkProvider, extension?: string): void {
    this.#providers.push({ provider, extension });
  }

  /**
   * `served` (the item as the API returns it) with the providers' links for the stored `item` appended, and
   * the extension of every provider that added links listed in `stac_extensions`.
   */
  withLinks<T extends StacItem>(served: T, item: StacItem, apiRoot: string): T {
    const added = this.#linksByProvider(item, apiRoot).filter(({ links }) => links.length > 0);
    if (added.length === 0) return served;
    const extensions = new Set(served.stac_extensions ?? []);
    for (const { extension } of added) if (extension) extensions.add(extension);
    return {
      ...served,
      ...(extensions.size > 0 ? { stac_extensions: [...extensions] } : {}),
      links: [...served.links, ...added.flatMap(({ links }) => links)],
    };
  }

  /** Links of every provider for an item that belongs to a collection (others have no API address). */
  #linksByProvider(item: StacItem, apiRoot: string): { links: StacLink[]; extension?: string }[] {
    if (item.collection === undefined) return [];
    const collectionId = item.collection;
    return this.#providers.map(({ provider, extension }) => ({
      links: provider(item, collectionId, apiRoot),
      extension,
    }));
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Links added to served items by capability plugins; see ItemLinkRegistry. */
    itemLinks: ItemLinkRegistry;
  }
}
