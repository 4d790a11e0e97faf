/// <reference types="@fastify/swagger" />
/**
 * The web portal at `/`: the built single-page search app (web/dist), and server-rendered landing pages of
 * collections (`/collections/{id}`) and items (`/collections/{id}/items/{itemId}`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { StacAsset } from '../../catalog/model/stac-types.js';
import type { CatalogStore } from '../../catalog/store/catalog-store.js';
import { resolvePublicBaseUrl } from '../public-url.js';
import { escapeHtml } from './html.js';
import { LANDING_MESSAGES, pickLandingLanguage } from './landing-messages.js';
import { renderCollectionPage, renderItemPage, type LandingContext } from './landing-pages.js';

export interface PortalPluginOptions {
  catalog: CatalogStore;
  /** Folder of the built portal (web/dist). When it has no index.html, `/` explains how to build it. */
  webRoot: string;
  baseUrl?: string;
}

/** Items listed on a collection page; the portal's search shows the rest. */
const COLLECTION_PAGE_ITEMS = 100;

interface ViteManifestEntry {
  file: string;
  css?: string[];
  imports?: string[];
}

/** The landing-page script and styles, found through Vite's manifest since their names carry a content hash. */
function landingAssets(webRoot: string): { script?: string; styles: string[] } {
  const manifestPath = join(webRoot, '.vite', 'manifest.json');
  if (!existsSync(manifestPath)) return { styles: [] };
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ViteManifestEntry>;
  const entry = manifest['src/landing/landing-map.ts'];
  if (!entry) return { styles: [] };
  // Stylesheets of shared chunks (OpenLayers' CSS) are listed on the chunk, not on the entry.
  const styles = new Set<string>();
  const collect = (chunk: ViteManifestEntry | undefined): void => {
    for (const css of chunk?.css ?? []) styles.add(`/${css}`);
    for (const key of chunk?.imports ?? []) collect(manifest[key]);
  };
  collect(entry);
  return { script: `/${entry.file}`, styles: [...styles] };
}

const LandingQuery = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 8 })) });

export const portalPlugin: FastifyPluginAsync<PortalPluginOptions> = async (app, options) => {
  const hasBuild = existsSync(join(options.webRoot, 'index.html'));
  const assets = hasBuild ? landingAssets(options.webRoot) : { styles: [] };

  const context = (request: FastifyRequest): LandingContext => {
    const siteUrl = resolvePublicBaseUrl(request, options.baseUrl);
    const { lang } = request.query as { lang?: string };
    return {
      lang: pickLandingLanguage(lang, request.headers['accept-language']),
      siteUrl,
      apiUrl: `${siteUrl}/api`,
      script: assets.script ? `${siteUrl}${assets.script}` : undefined,
      styles: assets.styles.map((href) => `${siteUrl}${href}`),
    };
  };

  // Download links point where the API serves the centre's own files (see asset-hrefs.ts).
  const publish = <T extends { assets?: Record<string, StacAsset> }>(document: T, ctx: LandingContext): T =>
    app.hasDecorator('itemLinks') ? app.itemLinks.publishAssets(document, ctx.apiUrl) : document;

  const notFound = (reply: FastifyReply, ctx: LandingContext, what: string): FastifyReply =>
    reply
      .code(404)
      .type('text/html; charset=utf-8')
      .send(
        `<!doctype html><html lang="${ctx.lang}"><head><meta charset="utf-8"><title>${LANDING_MESSAGES[ctx.lang].notFound}</title></head>` +
          `<body><h1>${LANDING_MESSAGES[ctx.lang].notFound}</h1><p>${escapeHtml(what)}</p>` +
          `<p><a href="${ctx.siteUrl}/">Fournaise</a></p></body></html>`,
      );

  app.get(
    '/collections/:collectionId',
    {
      schema: {
        params: Type.Object({ collectionId: Type.String({ minLength: 1, maxLength: 512 }) }),
        querystring: LandingQuery,
        hide: true,
      },
    },
    async (request, reply) => {
      const { collectionId } = request.params as { collectionId: string };
      const ctx = context(request);
      const collection = await options.catalog.getCollection(collectionId);
      if (!collection) return notFound(reply, ctx, collectionId);
      const page = await options.catalog.search({
        collections: [collectionId],
        sortby: [{ field: 'datetime', direction: 'asc' }],
        limit: COLLECTION_PAGE_ITEMS,
      });
      return reply
        .type('text/html; charset=utf-8')
        .send(renderCollectionPage(publish(collection, ctx), page.items, ctx));
    },
  );

  app.get(
    '/collections/:collectionId/items/:itemId',
    {
      schema: {
        params: Type.Object({
          collectionId: Type.String({ minLength: 1, maxLength: 512 }),
          itemId: Type.String({ minLength: 1, maxLength: 512 }),
        }),
        querystring: LandingQuery,
        hide: true,
      },
    },
    async (request, reply) => {
      const { collectionId, itemId } = request.params as { collectionId: string; itemId: string };
      const ctx = context(request);
      const [item, collection] = await Promise.all([
        options.catalog.getItem(collectionId, itemId),
        options.catalog.getCollection(collectionId),
      ]);
      if (!item) return notFound(reply, ctx, `${collectionId}/${itemId}`);
      return reply.type('text/html; charset=utf-8').send(renderItemPage(publish(item, ctx), collection, ctx));
    },
  );

  if (hasBuild) {
    await app.register(fastifyStatic, {
      root: options.webRoot,
      prefix: '/',
      index: ['index.html'],
      wildcard: true,
    });
  } else {
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fournaise</title></head><body>' +
            '<h1>Fournaise</h1><p>The web portal has not been built: run <code>npm run build</code>. ' +
            'The STAC API is at <a href="/api">/api</a>.</p></body></html>',
        ),
    );
  }
};
