/**
 * Server-rendered landing pages of collections and items: their whole content is in the HTML (crawlable,
 * readable without JavaScript), with a schema.org Dataset JSON-LD block. A small script adds the map preview.
 */
import type { StacAsset, StacCollection, StacItem } from '../../catalog/model/stac-types.js';
import { collectionToSchemaOrg, itemToSchemaOrg } from '../../metadata/schema-org-dataset.js';
import { html, jsonForScript, type SafeHtml } from './html.js';
import { LANDING_MESSAGES, type LandingKey, type LandingLanguage } from './landing-messages.js';
import { itemTimelineSvg } from './item-timeline.js';

export interface LandingContext {
  lang: LandingLanguage;
  /** Absolute URL of the site root, without trailing slash (e.g. https://data.example.org). */
  siteUrl: string;
  /** Absolute URL of the STAC API root (e.g. https://data.example.org/api). */
  apiUrl: string;
  /** Built script and stylesheets of the landing-page map, when the portal has been built. */
  script?: string;
  styles: string[];
}

const enc = encodeURIComponent;

export function collectionPageUrl(siteUrl: string, collectionId: string): string {
  return `${siteUrl}/collections/${enc(collectionId)}`;
}

export function itemPageUrl(siteUrl: string, collectionId: string, itemId: string): string {
  return `${siteUrl}/collections/${enc(collectionId)}/items/${enc(itemId)}`;
}

function formatDate(iso: unknown, lang: LandingLanguage): string | undefined {
  if (typeof iso !== 'string') return undefined;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(date);
}

function formatBytes(size: unknown, lang: LandingLanguage): string | undefined {
  if (typeof size !== 'number' || !Number.isFinite(size)) return undefined;
  const units = lang === 'fr' ? ['o', 'Ko', 'Mo', 'Go', 'To'] : ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = size;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const number = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    maximumFractionDigits: 1,
  }).format(value);
  return `${number} ${units[unit]}`;
}

function period(start: unknown, end: unknown, lang: LandingLanguage): string {
  const from = formatDate(start, lang);
  const to = formatDate(end, lang);
  if (from && to && from !== to) return `${from} – ${to}`;
  return from ?? to ?? '..';
}

function row(label: string, value: SafeHtml | string | number | undefined): SafeHtml {
  if (value === undefined || value === '') return html``;
  return html`<tr>
    <th scope="row">${label}</th>
    <td>${value}</td>
  </tr>`;
}

function page(
  ctx: LandingContext,
  title: string,
  jsonLd: unknown,
  body: SafeHtml,
  switchUrl: string,
): string {
  const m = LANDING_MESSAGES[ctx.lang];
  return html`<!doctype html>
    <html lang="${ctx.lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} — Fournaise</title>
        <meta name="description" content="${title}" />
        ${ctx.styles.map((href) => html`<link rel="stylesheet" href="${href}" />`)}
        <script type="application/ld+json">
          ${jsonForScript(jsonLd)}
        </script>
      </head>
      <body class="landing">
        <header class="top">
          <a href="${ctx.siteUrl}/?lang=${ctx.lang}">Fournaise</a> ·
          <a href="${ctx.siteUrl}/?lang=${ctx.lang}">${m.home}</a>
          <a class="lang-switch" href="${switchUrl}" hreflang="${ctx.lang === 'fr' ? 'en' : 'fr'}"
            >${m.language}</a
          >
        </header>
        <main class="landing-main">${body}</main>
        ${ctx.script ? html`<script type="module" src="${ctx.script}"></script>` : ''}
      </body>
    </html>`.value;
}

function keywordsBlock(keywords: unknown, m: Record<LandingKey, string>): SafeHtml {
  if (!Array.isArray(keywords) || keywords.length === 0) return html``;
  return html`<section>
    <h2>${m.keywords}</h2>
    <ul class="keywords">
      ${keywords.map((k) => html`<li>${String(k)}</li>`)}
    </ul>
  </section>`;
}

function citationBlock(doi: unknown, citation: unknown, m: Record<LandingKey, string>): SafeHtml {
  if (typeof doi !== 'string' && typeof citation !== 'string') return html``;
  return html`<section class="cite">
    <h2>${m.howToCite}</h2>
    ${typeof citation === 'string' ? html`<p class="citation">${citation}</p>` : ''}
    ${typeof doi === 'string' ? html`<p>${m.doi} : <a href="https://doi.org/${doi}">https://doi.org/${doi}</a></p>` : ''}
  </section>`;
}

function syntheticNotice(flag: unknown, m: Record<LandingKey, string>): SafeHtml {
  return flag === true ? html`<p class="synthetic" role="note">${m.synthetic}</p>` : html``;
}

function assetRows(assets: Record<string, StacAsset>, lang: LandingLanguage): SafeHtml[] {
  const m = LANDING_MESSAGES[lang];
  return Object.entries(assets).map(
    ([key, asset]) =>
      html`<tr>
        <td>${asset.title ?? key}</td>
        <td><code>${asset.type ?? ''}</code></td>
        <td>${formatBytes(asset['file:size'], lang) ?? ''}</td>
        <td>${(asset.roles ?? []).join(', ')}</td>
        <td><a href="${asset.href}" download>${m.download}</a></td>
      </tr>`,
  );
}

function mapPreview(
  geometry: unknown,
  bbox: unknown,
  tiles: string | undefined,
  m: Record<LandingKey, string>,
): SafeHtml {
  return html`<section>
    <h2>${m.map}</h2>
    <div
      id="preview-map"
      class="preview-map"
      role="region"
      aria-label="${m.map}"
      data-geometry="${JSON.stringify(geometry ?? null)}"
      data-bbox="${JSON.stringify(bbox ?? null)}"
      data-tiles="${tiles ?? ''}"
    ></div>
  </section>`;
}

export function renderItemPage(
  item: StacItem,
  collection: StacCollection | undefined,
  ctx: LandingContext,
): string {
  const m = LANDING_MESSAGES[ctx.lang];
  const p = item.properties;
  const collectionId = item.collection ?? collection?.id ?? '';
  const url = itemPageUrl(ctx.siteUrl, collectionId, item.id);
  const collectionUrl = collection ? collectionPageUrl(ctx.siteUrl, collection.id) : undefined;
  const apiItemUrl = `${ctx.apiUrl}/collections/${enc(collectionId)}/items/${enc(item.id)}`;
  const title = (p.title as string | undefined) ?? item.id;
  const tiles = item.links.find((l) => l.rel === 'xyz')?.href;
  const body = html`<nav class="breadcrumb">
      ${m.dataset} :
      ${collectionUrl ? html`<a href="${collectionUrl}?lang=${ctx.lang}">${collection?.title ?? collectionId}</a>` : collectionId}
    </nav>
    <h1>${title}</h1>
    ${syntheticNotice(p['fournaise:synthetic'], m)}
    ${typeof p.description === 'string' ? html`<p class="description">${p.description}</p>` : ''}
    <section>
      <h2>${m.overview}</h2>
      <table class="facts">
        ${row(m.temporalCoverage, period(p.start_datetime ?? p.datetime, p.end_datetime ?? p.datetime, ctx.lang))}
        ${row(m.created, formatDate(p.created, ctx.lang))}
        ${row(m.published, formatDate(p.published, ctx.lang))}
        ${row(m.updated, formatDate(p.updated, ctx.lang))}
        ${row(m.platform, p.platform as string | undefined)}
        ${row(m.instruments, Array.isArray(p.instruments) ? p.instruments.join(', ') : undefined)}
        ${row(m.resolution, typeof p.gsd === 'number' ? `${p.gsd} m` : undefined)}
        ${row(m.cloudCover, typeof p['eo:cloud_cover'] === 'number' ? `${p['eo:cloud_cover']} %` : undefined)}
        ${row(m.projection, (p['proj:code'] as string | undefined) ?? (p['proj:epsg'] ? `EPSG:${p['proj:epsg']}` : undefined))}
        ${row(m.spatialExtent, item.bbox?.map((v) => v.toFixed(5)).join(', '))}
        ${row(m.licence, (p.license as string | undefined) ?? collection?.license)}
      </table>
    </section>
    ${keywordsBlock(p.keywords ?? collection?.keywords, m)}
    ${citationBlock(p['sci:doi'] ?? collection?.['sci:doi'], p['sci:citation'] ?? collection?.['sci:citation'], m)}
    <section>
      <h2>${m.assets}</h2>
      <table class="assets">
        <thead>
          <tr>
            <th>${m.asset}</th>
            <th>${m.mediaType}</th>
            <th>${m.size}</th>
            <th>${m.roles}</th>
            <th>${m.download}</th>
          </tr>
        </thead>
        <tbody>
          ${assetRows(item.assets ?? {}, ctx.lang)}
        </tbody>
      </table>
    </section>
    ${mapPreview(item.geometry, item.bbox, tiles, m)}
    <p>
      <a
        class="to-viewer"
        href="${ctx.siteUrl}/viewer.html?item=${enc(collectionId)}/${enc(item.id)}&amp;lang=${ctx.lang}"
        >${m.openViewer}</a
      >
    </p>
    <p><a href="${apiItemUrl}" type="application/geo+json">${m.metadataJson}</a></p>`;
  const switchLang = ctx.lang === 'fr' ? 'en' : 'fr';
  return page(ctx, title, itemToSchemaOrg(item, url, collectionUrl), body, `${url}?lang=${switchLang}`);
}

export function renderCollectionPage(
  collection: StacCollection,
  items: StacItem[],
  ctx: LandingContext,
): string {
  const m = LANDING_MESSAGES[ctx.lang];
  const url = collectionPageUrl(ctx.siteUrl, collection.id);
  const interval = collection.extent?.temporal?.interval?.[0] ?? [null, null];
  const bbox = collection.extent?.spatial?.bbox?.[0];
  const title = collection.title ?? collection.id;
  const portalSearch = `${ctx.siteUrl}/?collections=${enc(collection.id)}&lang=${ctx.lang}`;
  const tiles = collection.links.find((l) => l.rel === 'xyz')?.href;
  const body = html`<h1>${title}</h1>
    ${syntheticNotice(collection['fournaise:synthetic'], m)}
    <section>
      <h2>${m.description}</h2>
      <p class="description">${collection.description}</p>
    </section>
    <section>
      <h2>${m.overview}</h2>
      <table class="facts">
        ${row(m.temporalCoverage, period(interval[0], interval[1], ctx.lang))}
        ${row(m.spatialExtent, bbox?.map((v) => v.toFixed(4)).join(', '))}
        ${row(m.licence, collection.license)}
      </table>
    </section>
    ${
      collection.providers?.length
        ? html`<section>
            <h2>${m.providers}</h2>
            <ul class="providers">
              ${collection.providers.map(
                (pr) =>
                  html`<li>
                    ${pr.url ? html`<a href="${pr.url}">${pr.name}</a>` : pr.name}${pr.roles?.length ? html` <span class="roles">(${pr.roles.join(', ')})</span>` : ''}
                  </li>`,
              )}
            </ul>
          </section>`
        : ''
    }
    ${keywordsBlock(collection.keywords, m)}
    ${citationBlock(collection['sci:doi'], collection['sci:citation'], m)}
    ${
      collection.assets
        ? html`<section>
            <h2>${m.assets}</h2>
            <table class="assets">
              <tbody>
                ${assetRows(collection.assets, ctx.lang)}
              </tbody>
            </table>
          </section>`
        : ''
    }
    ${mapPreview(bbox ? bboxPolygon(bbox) : null, bbox, tiles, m)}
    <p>
      <a
        class="to-viewer"
        href="${ctx.siteUrl}/viewer.html?collection=${enc(collection.id)}&amp;lang=${ctx.lang}"
        >${m.openViewer}</a
      >
    </p>
    <section>
      <h2>${m.timeline}</h2>
      ${itemTimelineSvg(items, ctx.lang)}
    </section>
    <section>
      <h2>${m.items}</h2>
      <ol class="item-list">
        ${items.map(
          (item) =>
            html`<li>
              <a href="${itemPageUrl(ctx.siteUrl, collection.id, item.id)}?lang=${ctx.lang}"
                >${(item.properties.title as string | undefined) ?? item.id}</a
              >
              <span class="date"
                >${period(item.properties.start_datetime ?? item.properties.datetime, item.properties.end_datetime ?? item.properties.datetime, ctx.lang)}</span
              >
            </li>`,
        )}
      </ol>
      <p><a href="${portalSearch}">${m.moreItems}</a></p>
    </section>
    <p>
      <a href="${ctx.apiUrl}/collections/${enc(collection.id)}" type="application/json">${m.metadataJson}</a>
    </p>`;
  const switchLang = ctx.lang === 'fr' ? 'en' : 'fr';
  return page(
    ctx,
    title,
    collectionToSchemaOrg(collection, url, `${ctx.apiUrl}/collections/${enc(collection.id)}`),
    body,
    `${url}?lang=${switchLang}`,
  );
}

function bboxPolygon(bbox: number[]): unknown {
  const [w, s, e, n] = bbox.length === 6 ? [bbox[0], bbox[1], bbox[3], bbox[4]] : bbox;
  return {
    type: 'Polygon',
    coordinates: [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ],
  };
}
