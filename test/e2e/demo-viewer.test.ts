/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The La Réunion demo centre as a fresh clone shows it: the main server builds the demo (catalogue, COGs),
 * and the map viewer draws its rasters: land-cover classes with their colours and legend, the monthly
 * syntheses through the time slider, the Hermitage orthophotos in the local projection. Complements
 * portal-viewer.test.ts, which checks the viewer's controls on a small fixture catalogue.
 */
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, screenshotNotBlank } from './browser.js';
import { DEMO_HOOK_TIMEOUT_MS, startDemoCentre, type DemoCentre } from './demo-centre.js';

interface DemoClass {
  value: number;
  'color-hint'?: string;
  color_hint?: string;
}

/** A tile the page loaded; its body is read as it arrives (the map may cancel or evict it later). */
interface LoadedTile {
  url: string;
  status: number;
  body: Promise<Buffer | undefined>;
}

const TILE_URL = /\/tiles\/WebMercatorQuad\/\d+\/\d+\/\d+/;
const itemOfTile = (tile: LoadedTile): string => tile.url.split('/items/')[1].split('/')[0];

/** The opaque pixels of a tile and their distinct colours (none when its body could not be read). */
async function tileColours(tile: LoadedTile): Promise<{ opaque: number; colours: Set<string> }> {
  const body = await tile.body;
  if (!body) return { opaque: 0, colours: new Set() };
  const { data } = await sharp(body).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const colours = new Set<string>();
  let opaque = 0;
  for (let p = 0; p < data.length; p += 4) {
    if (data[p + 3] !== 255) continue;
    opaque++;
    colours.add(data.subarray(p, p + 3).toString('hex'));
  }
  return { opaque, colours };
}

describe.skipIf(!hasChromium)('demo centre in the map viewer (Chromium)', () => {
  let server: DemoCentre;
  let browser: Browser;
  let page: Page;
  const errors: Error[] = [];

  beforeAll(async () => {
    server = await startDemoCentre('demo-viewer');
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (error) => errors.push(error));
  }, DEMO_HOOK_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Starts recording the tiles the page loads; returns the list, filled as they arrive. */
  function recordTiles(): LoadedTile[] {
    const tiles: LoadedTile[] = [];
    page.removeAllListeners('response');
    page.on('response', (response) => {
      if (!TILE_URL.test(response.url())) return;
      tiles.push({
        url: response.url(),
        status: response.status(),
        body: response.body().catch(() => undefined),
      });
    });
    return tiles;
  }

  /** Opens a viewer URL and waits for the first `count` tiles it loads. */
  async function openAndCollectTiles(path: string, count: number): Promise<LoadedTile[]> {
    const tiles = recordTiles();
    await page.goto(`${server.url}${path}`);
    await expect.poll(() => tiles.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(count);
    return tiles;
  }

  it('draws the land-cover map in its class colours, with the classes in the legend', async () => {
    const key = 'reunion-land-cover/reunion-land-cover-2020';
    const item = await (
      await fetch(`${server.url}/api/collections/reunion-land-cover/items/reunion-land-cover-2020`)
    ).json();
    const tiles = await openAndCollectTiles(`/viewer.html?item=${key}&lang=fr`, 2);
    const xyz = item.links.find((link: { rel: string }) => link.rel === 'xyz');
    const layerAsset = new URL(xyz.href.replace(/\{[xyz]\}/g, '0')).searchParams.get('assets');
    const classes = item.assets[layerAsset ?? 'landcover-4']['classification:classes'] as DemoClass[];
    const hints = new Set(classes.map((c) => (c['color-hint'] ?? c.color_hint ?? '').toLowerCase()));
    let opaque = 0;
    for (const tile of tiles) {
      expect(tile.status).toBe(200);
      const seen = await tileColours(tile);
      opaque += seen.opaque;
      for (const colour of seen.colours) expect(hints).toContain(colour);
    }
    expect(opaque).toBeGreaterThan(1000);
    await page.waitForSelector('.legend-classes li');
    const swatches = await page.$$eval('.legend-classes .swatch', (spans) =>
      spans.map((span) => getComputedStyle(span).backgroundColor),
    );
    const rgb = (hex: string) =>
      `rgb(${Number.parseInt(hex.slice(0, 2), 16)}, ${Number.parseInt(hex.slice(2, 4), 16)}, ${Number.parseInt(hex.slice(4, 6), 16)})`;
    expect(swatches).toEqual(classes.map((c) => rgb((c['color-hint'] ?? c.color_hint ?? '').toLowerCase())));
    await screenshotNotBlank(page, 'demo-viewer-land-cover');
    expect(errors).toEqual([]);
  });

  it('steps through the monthly syntheses with the time slider, each month its own tiles', async () => {
    const first = await openAndCollectTiles('/viewer.html?collection=theia-l3a-reunion-monthly&lang=en', 4);
    const firstItem = itemOfTile(first[0]);
    // Some tiles of the view are open sea (transparent where the synthesis has no data); the island's are not.
    const opaque = await Promise.all(first.map(async (tile) => (await tileColours(tile)).opaque));
    expect(Math.max(...opaque)).toBeGreaterThan(1000);
    const next = recordTiles();
    await page.focus('#time-slider');
    await page.keyboard.press('ArrowRight');
    const otherMonth = () => next.find((tile) => itemOfTile(tile) !== firstItem);
    await expect.poll(otherMonth, { timeout: 30_000 }).toBeDefined();
    expect(itemOfTile(otherMonth()!)).toMatch(/^SENTINEL2X_2024/);
    expect(otherMonth()!.status).toBe(200);
    await screenshotNotBlank(page, 'demo-viewer-syntheses');
    expect(errors).toEqual([]);
  });

  it('shows the Hermitage orthophotos in EPSG:2975', async () => {
    const items = await (
      await fetch(`${server.url}/api/collections/hermitage-orthophoto/items?limit=30&sortby=datetime`)
    ).json();
    const keys = items.features.map((f: { id: string }) => `hermitage-orthophoto/${f.id}`);
    expect(keys).toHaveLength(22);
    const tiles = await openAndCollectTiles(
      `/viewer.html?item=${keys[0]}&item=${keys[21]}&proj=EPSG:2975&lang=fr`,
      2,
    );
    const seen = await Promise.all(tiles.map(tileColours));
    expect(seen.some((tile) => tile.opaque > 1000 && tile.colours.size > 50)).toBe(true);
    await screenshotNotBlank(page, 'demo-viewer-hermitage');
    expect(errors).toEqual([]);
  });
});
