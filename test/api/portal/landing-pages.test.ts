import { describe, expect, it } from 'vitest';
import type { StacCollection, StacItem } from '../../../src/catalog/model/stac-types.js';
import { escapeHtml, html } from '../../../src/api/portal/html.js';
import {
  renderCollectionPage,
  renderItemPage,
  type LandingContext,
} from '../../../src/api/portal/landing-pages.js';
import { pickLandingLanguage } from '../../../src/api/portal/landing-messages.js';

const collection: StacCollection = {
  type: 'Collection',
  stac_version: '1.1.0',
  id: 'mnt-hermitage',
  title: "MNT de l'Hermitage",
  description: 'Modèles numériques de terrain <b>synthétiques</b> de la plage.',
  license: 'etalab-2.0',
  keywords: ['MNT', 'plage', 'érosion'],
  providers: [{ name: 'Université de La Réunion', roles: ['producer'], url: 'https://www.univ-reunion.fr' }],
  extent: {
    spatial: { bbox: [[55.215, -21.095, 55.235, -21.07]] },
    temporal: { interval: [['2019-11-05T00:00:00Z', '2024-05-20T00:00:00Z']] },
  },
  links: [],
  'sci:doi': '10.5072/fournaise.mnt-hermitage',
  'sci:citation': 'Synthetic, 2024. MNT de l’Hermitage.',
  'fournaise:synthetic': true,
};

const item: StacItem = {
  type: 'Feature',
  stac_version: '1.1.0',
  id: 'mnt-2019-11-05',
  collection: 'mnt-hermitage',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [55.215, -21.095],
        [55.235, -21.095],
        [55.235, -21.07],
        [55.215, -21.07],
        [55.215, -21.095],
      ],
    ],
  },
  bbox: [55.215, -21.095, 55.235, -21.07],
  properties: {
    datetime: '2019-11-05T10:00:00Z',
    title: 'MNT 2019-11-05 <script>alert(1)</script>',
    created: '2019-11-10T00:00:00Z',
    updated: '2020-01-02T00:00:00Z',
    keywords: ['MNT'],
    gsd: 0.05,
    'fournaise:synthetic': true,
  },
  links: [],
  assets: {
    dem: {
      href: 'https://example.org/dem.tif',
      type: 'image/tiff; application=geotiff',
      roles: ['data'],
      'file:size': 1_234_567,
    },
  },
};

const ctx: LandingContext = {
  lang: 'fr',
  siteUrl: 'https://data.example.org',
  apiUrl: 'https://data.example.org/api',
  styles: [],
};

function jsonLdOf(page: string): Record<string, unknown> {
  const match = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page);
  expect(match).not.toBeNull();
  return JSON.parse(match![1]) as Record<string, unknown>;
}

describe('html template', () => {
  it('escapes interpolated text but not nested templates', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(html`<p>${'<b>'}${html`<i>ok</i>`}</p>`.value).toBe('<p>&lt;b&gt;<i>ok</i></p>');
  });
});

describe('item landing page', () => {
  const page = renderItemPage(item, collection, ctx);

  it('renders the content server-side, escaping record text', () => {
    expect(page).toContain('MNT 2019-11-05 &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain('5 novembre 2019');
    expect(page).toContain('https://doi.org/10.5072/fournaise.mnt-hermitage');
    expect(page).toContain('Synthetic, 2024.');
    expect(page).toContain('href="https://example.org/dem.tif"');
    expect(page).toContain('1,2 Mo');
    expect(page).toContain('Données de démonstration synthétiques');
  });

  it('embeds a schema.org Dataset that cannot break out of its script block', () => {
    const jsonLd = jsonLdOf(page);
    expect(jsonLd['@type']).toBe('Dataset');
    expect(jsonLd.url).toBe('https://data.example.org/collections/mnt-hermitage/items/mnt-2019-11-05');
    expect(jsonLd.name).toBe('MNT 2019-11-05 <script>alert(1)</script>');
    expect(jsonLd.temporalCoverage).toBe('2019-11-05T10:00:00Z');
    expect(jsonLd.dateCreated).toBe('2019-11-10T00:00:00Z');
    expect(jsonLd.isPartOf).toEqual({
      '@type': 'Dataset',
      '@id': 'https://data.example.org/collections/mnt-hermitage',
    });
  });

  it('speaks English when asked', () => {
    const english = renderItemPage(item, collection, { ...ctx, lang: 'en' });
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('5 November 2019');
    expect(english).toContain('How to cite');
  });
});

describe('collection landing page', () => {
  const page = renderCollectionPage(collection, [item], ctx);

  it('shows description, providers, licence, extents, items and a timeline', () => {
    expect(page).toContain('Modèles numériques de terrain &lt;b&gt;synthétiques&lt;/b&gt;');
    expect(page).toContain('Université de La Réunion');
    expect(page).toContain('etalab-2.0');
    expect(page).toMatch(/<svg\s+class="timeline"/);
    expect(page).toContain(
      'href="https://data.example.org/collections/mnt-hermitage/items/mnt-2019-11-05?lang=fr"',
    );
  });

  it('describes the collection as a schema.org Dataset with its coverage', () => {
    const jsonLd = jsonLdOf(page);
    expect(jsonLd.identifier).toBe('https://doi.org/10.5072/fournaise.mnt-hermitage');
    expect(jsonLd.spatialCoverage).toEqual({
      '@type': 'Place',
      geo: { '@type': 'GeoShape', box: '-21.095 55.215 -21.07 55.235' },
    });
    expect(jsonLd.temporalCoverage).toBe('2019-11-05T00:00:00Z/2024-05-20T00:00:00Z');
    expect(jsonLd.keywords).toEqual(['MNT', 'plage', 'érosion']);
  });
});

describe('landing language', () => {
  it('prefers the query, then Accept-Language, then French', () => {
    expect(pickLandingLanguage('en', 'fr-FR')).toBe('en');
    expect(pickLandingLanguage(undefined, 'en-GB,en;q=0.9')).toBe('en');
    expect(pickLandingLanguage('de', 'de-DE')).toBe('fr');
  });
});
