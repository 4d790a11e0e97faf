/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * End-to-end tests of the map viewer in headless Chromium: layers from the URL with opacity, order and
 * visibility kept in the URL, the time slider over a collection, the swipe comparison of two dates, and the
 * switch to the local projection EPSG:2975.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { decodePng, hasChromium, launchBrowser, pixelAt, screenshotNotBlank } from './browser.js';
import { startPortalServer, type PortalServer } from './portal-fixture.js';

describe.skipIf(!hasChromium)('portal map viewer (Chromium)', () => {
  let server: PortalServer;
  let browser: Browser;
  let page: Page;
  const errors: Error[] = [];

  beforeAll(async () => {
    server = await startPortalServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (error) => errors.push(error));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.app.close();
    await server?.store.close();
  });

  const params = (): URLSearchParams => new URL(page.url()).searchParams;
  const first = 'mnt-hermitage/mnt-hermitage-2019-01';
  const last = 'mnt-hermitage/mnt-hermitage-2022-12';

  it('shows items as layers and keeps opacity, order and visibility in the URL', async () => {
    await page.goto(`${server.url}/viewer.html?item=${first}&item=${last}&lang=fr`);
    await page.waitForSelector('.layer-list .layer');
    // Top layer first in the list.
    expect(
      await page.$$eval('.layer', (layers) => layers.map((l) => (l as HTMLElement).dataset.key)),
    ).toEqual([last, first]);
    await page.locator('#layer-0-opacity').fill('0.4');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('opacity') === '0.4,1');
    await page.click(`[data-key="${first}"] button[aria-label^="Monter"]`);
    expect(params().getAll('item')).toEqual([last, first]);
    await page.uncheck(`[data-key="${first}"] input[type=checkbox]`);
    expect(params().get('hidden')).toBe(first);
    await page.waitForTimeout(300);
    await screenshotNotBlank(page, 'viewer-layers');
    expect(errors).toEqual([]);
  });

  it('compares two dates with the swipe', async () => {
    await page.goto(`${server.url}/viewer.html?item=${first}&item=${last}&lang=en`);
    await page.waitForSelector('#swipe-left');
    await page.selectOption('#swipe-left', first);
    await page.selectOption('#swipe-right', last);
    expect(params().get('swipe')).toBe(`${first},${last}`);
    await page.locator('#swipe-position').fill('0.3');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('split') === '0.3');
    await page.waitForTimeout(2000);
    // Left of the split shows the first date's shade (blue), right of it the last date's (orange).
    const shot = decodePng(await page.locator('#viewer-map').screenshot());
    const left = pixelAt(shot, shot.width * 0.1, shot.height * 0.5);
    const right = pixelAt(shot, shot.width * 0.9, shot.height * 0.5);
    expect(left[2]).toBeGreaterThan(right[2] + 100);
    expect(right[0]).toBeGreaterThan(left[0] + 100);
    await screenshotNotBlank(page, 'viewer-swipe');
    expect(errors).toEqual([]);
  });

  it('steps through a collection with the time slider', async () => {
    await page.goto(`${server.url}/viewer.html?collection=mnt-hermitage&lang=fr`);
    await page.waitForSelector('#time-slider');
    expect(await page.getAttribute('#time-slider', 'max')).toBe('11');
    const label0 = await page.textContent('#time-label');
    await page.focus('#time-slider');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('t') === '2');
    expect(await page.textContent('#time-label')).not.toBe(label0);
    expect(errors).toEqual([]);
  });

  it('switches to the local projection EPSG:2975', async () => {
    await page.goto(`${server.url}/viewer.html?item=${first}&lang=fr`);
    await page.waitForSelector('#projection');
    await page.selectOption('#projection', 'EPSG:2975');
    expect(params().get('proj')).toBe('EPSG:2975');
    await page.waitForTimeout(500);
    await screenshotNotBlank(page, 'viewer-epsg2975');
    await page.reload();
    await page.waitForSelector('#projection');
    expect(await page.inputValue('#projection')).toBe('EPSG:2975');
    expect(errors).toEqual([]);
  });
});
