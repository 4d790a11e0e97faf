import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createCatalogContext } from '../../../src/api/catalog/catalog-context.js';
import { ItemLinkRegistry } from '../../../src/api/item-link-registry.js';
import type { StacItem } from '../../../src/catalog/model/stac-types.js';
import type { CatalogStore } from '../../../src/catalog/store/catalog-store.js';

const request = { headers: { host: 'data.example.org' }, protocol: 'https', host: 'data.example.org' };

const item: StacItem = {
  type: 'Feature',
  stac_version: '1.1.0',
  stac_extensions: ['https://stac-extensions.github.io/eo/v2.0.0/schema.json'],
  id: 'scène 1',
  collection: 'ortho',
  bbox: [55.2, -21.1, 55.3, -21.0],
  properties: { datetime: '2024-05-01T00:00:00Z', title: 'Plage "Hermitage"' },
  links: [
    { rel: 'self', href: 'https://elsewhere/item.json' },
    { rel: 'license', href: 'https://example.org/licence' },
  ],
  assets: {
    data: { href: 'assets/ortho/scène 1/ortho.tif', type: 'image/tiff; application=geotiff' },
    thumbnail: { href: 'https://cdn.example.org/t.png', type: 'image/png' },
  },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [55.2, -21.1],
        [55.3, -21.1],
        [55.3, -21.0],
        [55.2, -21.1],
      ],
    ],
  },
};

function context(registry: ItemLinkRegistry) {
  return createCatalogContext({
    store: { capabilities: { filter: true, aggregation: true } } as unknown as CatalogStore,
    limits: { defaultLimit: 10, maxLimit: 100 },
    title: 'Fournaise',
    description: 'test',
    prefix: '/api',
    itemLinks: registry,
  });
}

describe('items served from their stored text', () => {
  it('get the same links, public asset hrefs and web-map links as items served from objects', () => {
    const registry = new ItemLinkRegistry();
    registry.serveStoredAssets();
    registry.add(
      (stored, collectionId, apiRoot) =>
        stored.assets?.data
          ? [{ rel: 'xyz', href: `${apiRoot}/tiles/${collectionId}/${stored.id}/{z}/{x}/{y}.png` }]
          : [],
      'https://stac-extensions.github.io/web-map-links/v1.2.0/schema.json',
    );
    const ctx = context(registry);
    const fromObject = ctx.linkItem(structuredClone(item), request as unknown as FastifyRequest);
    const fromText = JSON.parse(ctx.linkItemText(JSON.stringify(item), request as unknown as FastifyRequest));
    expect(fromText).toEqual(fromObject);
    expect(fromText.assets.data.href).toBe(
      'https://data.example.org/api/assets/ortho/sc%C3%A8ne%201/ortho.tif',
    );
    expect(fromText.links.map((l: { rel: string }) => l.rel)).toEqual([
      'self',
      'root',
      'parent',
      'collection',
      'alternate',
      'license',
      'xyz',
    ]);
    expect(fromText.stac_extensions).toContain(
      'https://stac-extensions.github.io/web-map-links/v1.2.0/schema.json',
    );
  });

  it('keep stored asset hrefs and extensions as they are when no plugin rewrites them', () => {
    const ctx = context(new ItemLinkRegistry());
    const fromObject = ctx.linkItem(structuredClone(item), request as unknown as FastifyRequest);
    const fromText = JSON.parse(ctx.linkItemText(JSON.stringify(item), request as unknown as FastifyRequest));
    expect(fromText).toEqual(fromObject);
    expect(fromText.assets.data.href).toBe('assets/ortho/scène 1/ortho.tif');
  });
});
