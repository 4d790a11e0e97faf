/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * End-to-end tests of the viewer's pixel probe in headless Chromium, over real COGs served by the raster
 * API: a click on a layer shows the values the API's point endpoint gives at that place, and on a
 * time-slider collection the pixel's history chart has one point per item, with the API's values.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  decodePng,
  hasChromium,
  launchBrowser,
  pixelAt,
  screenshotNotBlank,
  seriousA11yViolations,
} from './browser.js';
import {
  SERIES,
  SERIES_MONTHS,
  SERIES_SCALE,
  startRasterPortalServer,
  type RasterPortalServer,
} from './raster-fixture.js';

describe.skipIf(!hasChromium)('viewer pixel probe (Chromium)', () => {
  let server: RasterPortalServer;
  let browser: Browser;
  let page: Page;
  const errors: Error[] = [];

  beforeAll(async () => {
    server = await startRasterPortalServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (error) => errors.push(error));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Clicks the map at a fraction of its size and returns the probed point the page reports. */
  async function clickMap(fx: number, fy: number): Promise<{ lon: number; lat: number }> {
    const map = (await page.locator('#viewer-map').boundingBox())!;
    const before = await page.locator('.probe-point').count();
    await page.mouse.click(map.x + map.width * fx, map.y + map.height * fy);
    if (before > 0) await page.waitForTimeout(50);
    await page.waitForSelector('.probe-point');
    const point = page.locator('.probe-point');
    return {
      lon: Number(await point.getAttribute('data-lon')),
      lat: Number(await point.getAttribute('data-lat')),
    };
  }

  /** The raster API's values at a point, keyed by asset, as the viewer asks for them. */
  async function apiPoint(
    itemId: string,
    lon: number,
    lat: number,
  ): Promise<Record<string, (number | null)[]>> {
    const response = await fetch(
      `${server.url}/api/collections/${SERIES}/items/${itemId}/raster/point?lon=${lon}&lat=${lat}`,
    );
    expect(response.status).toBe(200);
    return ((await response.json()) as { properties: { values: Record<string, (number | null)[]> } })
      .properties.values;
  }

  /** The probe's table of values at the point: item title → displayed text. */
  async function shownValues(): Promise<Record<string, string>> {
    const rows = await page.$$eval('.probe > .probe-values > table.values tr', (trs) =>
      trs.map((tr) => [tr.querySelector('th')!.textContent!, tr.querySelector('td')!.textContent!]),
    );
    return Object.fromEntries(rows);
  }

  it('shows the values of every layer at the clicked point, as the point API gives them', async () => {
    const ids = ['series-2024-02', 'series-2024-05'];
    await page.goto(`${server.url}/viewer.html?${ids.map((id) => `item=${SERIES}/${id}`).join('&')}&lang=en`);
    await page.waitForSelector('.layer-list .layer');
    await page.waitForTimeout(500);
    const { lon, lat } = await clickMap(0.37, 0.61);
    const english = new Intl.NumberFormat('en', { maximumSignificantDigits: 6 });
    const expected: Record<string, string> = {};
    for (const id of ids) {
      const values = await apiPoint(id, lon, lat);
      expect(values.index).toHaveLength(1);
      // The API gives stored numbers; the viewer shows them scaled (raster extension `scale`).
      expect(Number.isInteger(values.index[0])).toBe(true);
      expected[`Indice synthétique ${id.slice('series-'.length)}`] =
        `index: ${english.format(values.index[0]! * SERIES_SCALE)}`;
    }
    expect(await shownValues()).toEqual(expected);
    // Two single items are no time series: no history chart.
    expect(await page.locator('.history').count()).toBe(0);
    await screenshotNotBlank(page, 'viewer-pixel-values');
    expect(errors).toEqual([]);
  });

  it('plots the pixel history of a time-slider collection, one point per item with the API values', async () => {
    await page.goto(`${server.url}/viewer.html?collection=${SERIES}&t=2&lang=fr`);
    await page.waitForSelector('#time-slider');
    await page.waitForTimeout(500);
    const { lon, lat } = await clickMap(0.62, 0.33);
    await page.waitForSelector('.history canvas');
    const french = new Intl.NumberFormat('fr', { maximumSignificantDigits: 6 });
    // The current date's value, in French number format.
    const current = await apiPoint('series-2024-03', lon, lat);
    expect(await shownValues()).toEqual({
      'Indice synthétique 2024-03': `index: ${french.format(current.index[0]! * SERIES_SCALE)}`,
    });
    // The history: every item of the collection, in time order, with the point API's value.
    const search = await fetch(
      `${server.url}/api/search?collections=${SERIES}&sortby=%2Bdatetime&limit=${SERIES_MONTHS + 5}`,
    );
    const itemIds = ((await search.json()) as { features: { id: string }[] }).features.map((f) => f.id);
    expect(itemIds).toHaveLength(SERIES_MONTHS);
    const expected = [];
    for (const id of itemIds)
      expected.push(french.format((await apiPoint(id, lon, lat)).index[0]! * SERIES_SCALE));
    const plotted = await page.$$eval('.history-values tbody tr td', (cells) =>
      cells.map((c) => c.textContent),
    );
    expect(plotted).toEqual(expected);
    expect(
      await page.$$eval('.history-values tbody tr th', (cells) => cells.map((c) => c.textContent)),
    ).toEqual(
      itemIds.map(
        (id) => `15 ${['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin'][Number(id.slice(-2)) - 1]} 2024`,
      ),
    );
    expect(await page.textContent('.history .u-legend .u-label')).toBe('Date');
    const shownDate = () => page.textContent('.history-values tr[aria-current="date"] th');
    expect(await shownDate()).toBe('15 mars 2024');
    // The line is drawn: the chart holds pixels of the series colour (#b3401a).
    const chart = decodePng(await page.locator('.history canvas').screenshot());
    let stroke = 0;
    for (let y = 0; y < chart.height; y += 1)
      for (let x = 0; x < chart.width; x += 1) {
        const [r, g, b] = pixelAt(chart, x, y);
        if (Math.abs(r - 179) < 30 && Math.abs(g - 64) < 30 && Math.abs(b - 26) < 30) stroke++;
      }
    expect(stroke).toBeGreaterThan(50);
    await screenshotNotBlank(page, 'viewer-pixel-history');
    expect(await seriousA11yViolations(page)).toEqual([]);
    // Moving the time slider re-reads the point for the new date; the history stays.
    const history = await page.locator('.history canvas').elementHandle();
    await page.focus('#time-slider');
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('.probe > .probe-values th:text("Indice synthétique 2024-04")');
    const next = await apiPoint('series-2024-04', lon, lat);
    expect(await shownValues()).toEqual({
      'Indice synthétique 2024-04': `index: ${french.format(next.index[0]! * SERIES_SCALE)}`,
    });
    expect(await history!.evaluate((canvas) => canvas.isConnected)).toBe(true);
    expect(await shownDate()).toBe('15 avr. 2024');
    // Switching the language formats the values and the history again.
    await page.selectOption('#language', 'en');
    const english = new Intl.NumberFormat('en', { maximumSignificantDigits: 6 });
    await page.waitForSelector('.history-values summary:text("Values of the chart")');
    expect(await shownValues()).toEqual({
      'Indice synthétique 2024-04': `index: ${english.format(next.index[0]! * SERIES_SCALE)}`,
    });
    expect(
      await page.$$eval('.history-values tbody tr th', (cells) => cells.map((c) => c.textContent)),
    ).toContain('15 Jan 2024');
    expect(errors).toEqual([]);
  });

  it('says there is no value outside the rasters and draws no history there', async () => {
    await page.goto(`${server.url}/viewer.html?collection=${SERIES}&lang=en`);
    await page.waitForSelector('#time-slider');
    await page.waitForTimeout(300);
    // The map fits the rasters with padding: its corner lies outside them.
    await clickMap(0.01, 0.99);
    await page.waitForFunction(
      () => document.querySelector('.probe-values table.values td')?.textContent !== '',
    );
    expect(Object.values(await shownValues())).toEqual(['No value here']);
    await page.waitForTimeout(300);
    expect(await page.locator('.history').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
