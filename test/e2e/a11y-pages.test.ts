/// <reference lib="dom" />
/**
 * axe-core on the portal's other main pages (the search page is checked in portal-search.test.ts): landing
 * pages, map viewer, station map, station page. No serious or critical violation is allowed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchBrowser, seriousA11yViolations } from './browser.js';
import { DEMO_HOOK_TIMEOUT_MS, startDemoCentre, type DemoCentre } from './demo-centre.js';

describe.skipIf(!hasChromium)('accessibility of the main pages (axe-core)', () => {
  let server: DemoCentre;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startDemoCentre('a11y');
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  }, DEMO_HOOK_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const pages: [string, string, string][] = [
    ['collection landing page', '/collections/hermitage-mnt?lang=fr', 'h1'],
    ['item landing page', '/collections/hermitage-mnt/items/hermitage-mnt-2019-11-09?lang=en', 'h1'],
    ['map viewer', '/viewer.html?collection=hermitage-mnt&lang=fr', '#time-slider'],
    ['station map', '/stations.html?lang=fr', '.station-list .station'],
    ['station page', '/station.html?id=BELG&lang=en', '.series-panel canvas'],
  ];
  for (const [name, path, ready] of pages) {
    it(name, async () => {
      const response = await page.goto(`${server.url}${path}`);
      expect(response?.status()).toBe(200);
      await page.waitForSelector(ready);
      expect(await seriousA11yViolations(page)).toEqual([]);
    });
  }
});
