/**
 * `GET /api` (STAC landing page, a Catalog) and `GET /api/conformance`.
 * See https://github.com/radiantearth/stac-api-spec/tree/v1.0.0/core#landing-page
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { StacCollection, StacLink } from '../../catalog/model/stac-types.js';
import { collectionUrl } from '../../catalog/links/stac-links.js';
import { MEDIA_TYPE } from '../../catalog/links/media-types.js';
import type { CatalogStore } from '../../catalog/store/catalog-store.js';
import type { CatalogContext } from './catalog-context.js';
import { ConformanceSchema, LandingPageSchema } from './catalog-schemas.js';

/** STAC version of the landing page. */
const STAC_VERSION = '1.1.0';

/** `GET /` (landing page) and `GET /conformance` of the catalogue plugin. */
export function landingRoutes(context: CatalogContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const { store } = context;
    const conformsTo = (): string[] => [...new Set(app.landing.conformance())];

    app.get(
      '/',
      {
        schema: {
          summary: 'Landing page',
          tags: ['Core'],
          response: { 200: LandingPageSchema },
        },
      },
      async (request) => {
        const root = context.apiRoot(request);
        const children = (await listAllCollections(store, context.limits.maxLimit)).map(
          (collection): StacLink => ({
            rel: 'child',
            href: collectionUrl(root, collection.id),
            type: MEDIA_TYPE.json,
            title: typeof collection.title === 'string' ? collection.title : collection.id,
          }),
        );
        return {
          type: 'Catalog' as const,
          stac_version: STAC_VERSION,
          id: 'fournaise',
          title: context.title,
          description: context.description,
          conformsTo: conformsTo(),
          links: [...catalogLinks(root, store), ...app.landing.links(root), ...children],
        };
      },
    );

    app.get(
      '/conformance',
      { schema: { summary: 'Conformance classes', tags: ['Core'], response: { 200: ConformanceSchema } } },
      async () => ({ conformsTo: conformsTo() }),
    );
  };
}

function catalogLinks(root: string, store: CatalogStore): StacLink[] {
  const links: StacLink[] = [
    { rel: 'self', href: root, type: MEDIA_TYPE.json, title: 'Landing page' },
    { rel: 'root', href: root, type: MEDIA_TYPE.json },
    { rel: 'service-desc', href: `${root}/api`, type: MEDIA_TYPE.openapi, title: 'OpenAPI description' },
    { rel: 'service-doc', href: `${root}/api.html`, type: MEDIA_TYPE.html, title: 'API documentation' },
    { rel: 'conformance', href: `${root}/conformance`, type: MEDIA_TYPE.json },
    { rel: 'data', href: `${root}/collections`, type: MEDIA_TYPE.json, title: 'Collections' },
    { rel: 'search', href: `${root}/search`, type: MEDIA_TYPE.geojson, method: 'GET', title: 'Item search' },
    { rel: 'search', href: `${root}/search`, type: MEDIA_TYPE.geojson, method: 'POST', title: 'Item search' },
  ];
  if (store.capabilities.filter) {
    links.push({
      rel: 'http://www.opengis.net/def/rel/ogc/1.0/queryables',
      href: `${root}/queryables`,
      type: MEDIA_TYPE.schema,
      title: 'Queryables',
    });
  }
  if (store.capabilities.aggregation) {
    links.push(
      {
        rel: 'aggregate',
        href: `${root}/aggregate`,
        type: MEDIA_TYPE.json,
        method: 'GET',
        title: 'Aggregate',
      },
      {
        rel: 'aggregate',
        href: `${root}/aggregate`,
        type: MEDIA_TYPE.json,
        method: 'POST',
        title: 'Aggregate',
      },
      { rel: 'aggregations', href: `${root}/aggregations`, type: MEDIA_TYPE.json, title: 'Aggregations' },
    );
  }
  return links;
}

/** Every collection, page by page, for the landing page's child links. */
async function listAllCollections(store: CatalogStore, pageSize: number): Promise<StacCollection[]> {
  const collections: StacCollection[] = [];
  let token: string | undefined;
  do {
    const page = await store.searchCollections({ limit: pageSize, token });
    collections.push(...page.collections);
    token = page.next;
  } while (token !== undefined);
  return collections;
}
