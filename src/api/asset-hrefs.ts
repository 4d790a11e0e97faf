/**
 * Asset hrefs as stored and as served. Files the centre holds itself sit in the data directory's `assets`
 * folder, and items store their hrefs relative to the data directory (`assets/<collection>/<item>/<file>`), so
 * a catalogue stays valid when the centre moves. Clients need absolute URLs (STAC best practice; GDAL, QGIS
 * and download links follow them), so the API serves those files at `<apiRoot>/assets/<path>` and rewrites
 * such hrefs in every document it returns. Other hrefs (absolute URLs, other relative paths) are left as
 * stored.
 */
import type { StacAsset } from '../catalog/model/stac-types.js';

/** The folder of the data directory whose files are served at `<apiRoot>/assets/...`. */
export const ASSET_FOLDER = 'assets';

const STORED_PREFIX = `${ASSET_FOLDER}/`;

/** `assets/a b/c.tif` → `<apiRoot>/assets/a%20b/c.tif`; any other href unchanged. */
export function publicAssetHref(href: string, apiRoot: string): string {
  if (!href.startsWith(STORED_PREFIX)) return href;
  const path = href.slice(STORED_PREFIX.length).split('/').map(encodeURIComponent).join('/');
  return `${apiRoot}/${ASSET_FOLDER}/${path}`;
}

/** A copy of `document` whose assets have public hrefs; the document itself when none needed rewriting. */
export function withPublicAssetHrefs<T extends { assets?: Record<string, StacAsset> }>(
  document: T,
  apiRoot: string,
): T {
  const { assets } = document;
  if (!assets || !Object.values(assets).some((asset) => asset.href.startsWith(STORED_PREFIX)))
    return document;
  const published: Record<string, StacAsset> = {};
  for (const [key, asset] of Object.entries(assets)) {
    published[key] = { ...asset, href: publicAssetHref(asset.href, apiRoot) };
  }
  return { ...document, assets: published };
}
