/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * End-to-end tests of the portal's search page in headless Chromium: searches by keyword, place (box),
 * drawn box, period and facet give exactly what the STAC API gives; the state lives in the URL; the language
 * switch keeps it; landing pages open; no serious accessibility violation; screenshots are not blank.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchBrowser, screenshotNotBlank } from './browser.js';
import { startPortalServer, type PortalServer } from './portal-fixture.js';

const require = createRequire(import.meta.url);

describe.skipIf(!hasChromium)('portal search page (Chromium)', () => {
  let server: PortalServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startPortalServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => {
      throw error;
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.app.close();
    await server?.store.close();
  });

  async function waitForResults(): Promise<void> {
    await page.waitForFunction(
      () =>
        !document.getElementById('app')!.classList.contains('busy') &&
        document.querySelector('.status .count, .status .empty, .status .error') !== null,
    );
  }

  async function shownKeys(): Promise<string[]> {
    return page.$$eval('.results .result', (cards) => cards.map((c) => (c as HTMLElement).dataset.key ?? ''));
  }

  async function apiSearch(body: Record<string, unknown>): Promise<{ keys: string[]; matched: number }> {
    const response = await fetch(`${server.url}/api/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ limit: 12, ...body }),
    });
    expect(response.status).toBe(200);
    const result = (await response.json()) as {
      features: { id: string; collection: string }[];
      numberMatched: number;
    };
    return { keys: result.features.map((f) => `${f.collection}/${f.id}`), matched: result.numberMatched };
  }

  function urlParams(): URLSearchParams {
    return new URL(page.url()).searchParams;
  }

  // The load time itself is measured by bench/portal (timings are benchmarks, never test assertions).
  it('shows the first page of results on load, matching the API', async () => {
    await page.goto(`${server.url}/?lang=fr`);
    await waitForResults();
    const api = await apiSearch({});
    expect(await shownKeys()).toEqual(api.keys);
    expect(await page.textContent('.status .count')).toContain(String(api.matched));
    await screenshotNotBlank(page, 'search-initial');
  });

  it('searches by keyword', async () => {
    await page.fill('#q', 'Hermitage');
    await page.click('button[type=submit]');
    await waitForResults();
    expect(urlParams().get('q')).toBe('Hermitage');
    const api = await apiSearch({ q: 'Hermitage' });
    expect(api.matched).toBe(12);
    expect(await shownKeys()).toEqual(api.keys);
  });

  it('sorts keyword matches by relevance, as the API ranks them, or by date on request', async () => {
    // "2020" is in the title of three of the twelve Hermitage items: they match both terms and come first,
    // although newer Hermitage items come first by date.
    await page.goto(`${server.url}/?q=Hermitage%202020&lang=fr`);
    await waitForResults();
    expect(await page.inputValue('#sort')).toBe('relevance');
    const ranked = await apiSearch({
      q: 'Hermitage 2020',
      sortby: [{ field: 'relevance', direction: 'desc' }],
    });
    const byDate = await apiSearch({ q: 'Hermitage 2020' });
    expect(ranked.keys.slice(0, 3).every((key) => key.includes('-2020-'))).toBe(true);
    expect(ranked.keys).not.toEqual(byDate.keys);
    expect(await shownKeys()).toEqual(ranked.keys);
    await page.selectOption('#sort', 'date-desc');
    await waitForResults();
    expect(urlParams().get('sort')).toBe('date-desc');
    expect(await shownKeys()).toEqual(byDate.keys);
    await screenshotNotBlank(page, 'search-by-date');
  });

  it('searches by named place, which sets the box', async () => {
    await page.fill('#q', '');
    await page.click('button[type=submit]');
    await waitForResults();
    await page.fill('#place', 'mayotte');
    await page.press('#place', 'Enter');
    await waitForResults();
    const bbox = urlParams().get('bbox')!.split(',').map(Number);
    expect(bbox).toHaveLength(4);
    const api = await apiSearch({ bbox });
    expect(api.matched).toBe(5);
    expect((await shownKeys()).sort()).toEqual(api.keys.sort());
    await screenshotNotBlank(page, 'search-mayotte');
  });

  it('searches by a box drawn on the map', async () => {
    await page.goto(`${server.url}/?lang=fr`);
    await waitForResults();
    await page.click('#draw-box');
    const map = (await page.locator('#map').boundingBox())!;
    // Drag a box over the middle of the map, where La Réunion is.
    await page.mouse.click(map.x + map.width * 0.3, map.y + map.height * 0.3);
    await page.mouse.move(map.x + map.width * 0.6, map.y + map.height * 0.7, { steps: 5 });
    await page.mouse.click(map.x + map.width * 0.6, map.y + map.height * 0.7);
    await page.waitForFunction(() => new URL(location.href).searchParams.has('bbox'));
    await waitForResults();
    const bbox = urlParams().get('bbox')!.split(',').map(Number);
    expect(bbox[0]).toBeLessThan(bbox[2]);
    expect(bbox[1]).toBeLessThan(bbox[3]);
    const api = await apiSearch({ bbox });
    expect((await shownKeys()).sort()).toEqual(api.keys.sort());
  });

  it('searches by period', async () => {
    await page.goto(`${server.url}/?lang=fr`);
    await waitForResults();
    await page.fill('#from', '2024-12-01');
    await page.fill('#to', '2024-12-31');
    await page.click('button[type=submit]');
    await waitForResults();
    const api = await apiSearch({ datetime: '2024-12-01T00:00:00Z/2024-12-31T23:59:59Z' });
    expect(api.matched).toBe(5);
    expect((await shownKeys()).sort()).toEqual(api.keys.sort());
  });

  it('narrows by a facet with live counts', async () => {
    await page.goto(`${server.url}/?lang=fr`);
    await waitForResults();
    const facet = page.locator('[data-facet=platforms] li', { hasText: 'pleiades-1b' });
    const shownCount = Number((await facet.locator('.count').textContent())!.replace(/\D/g, ''));
    await facet.locator('input').check();
    await waitForResults();
    expect(urlParams().getAll('platforms')).toEqual(['pleiades-1b']);
    const api = await apiSearch({ filter: { op: 'in', args: [{ property: 'platform' }, ['pleiades-1b']] } });
    expect(api.matched).toBe(shownCount);
    expect((await shownKeys()).sort()).toEqual(api.keys.sort());
  });

  it('narrows by a keyword inherited from the collection', async () => {
    await page.goto(`${server.url}/?lang=fr`);
    await waitForResults();
    const facet = page.locator('[data-facet=keywords] li', { hasText: 'Pléiades' });
    const shownCount = Number((await facet.locator('.count').textContent())!.replace(/\D/g, ''));
    expect(shownCount).toBe(13);
    await facet.locator('input').check();
    await waitForResults();
    const api = await apiSearch({
      filter: { op: 'a_overlaps', args: [{ property: 'keywords' }, ['Pléiades']] },
    });
    expect(api.matched).toBe(13);
    expect(await shownKeys()).toEqual(api.keys);
  });

  it('reproduces a search from its URL and keeps it across a language switch', async () => {
    await page.goto(`${server.url}/?q=Pl%C3%A9iades&from=2025-01-01&lang=fr`);
    await waitForResults();
    const before = await shownKeys();
    expect(before.length).toBeGreaterThan(0);
    expect(await page.inputValue('#q')).toBe('Pléiades');
    await page.selectOption('#language', 'en');
    await waitForResults();
    expect(await page.textContent('h1')).toContain('La Réunion data centre');
    expect(urlParams().get('q')).toBe('Pléiades');
    expect(urlParams().get('lang')).toBe('en');
    expect(await shownKeys()).toEqual(before);
    await screenshotNotBlank(page, 'search-english');
  });

  it('tells the user what to do when nothing matches', async () => {
    await page.goto(`${server.url}/?q=zzzzunknownzzzz&lang=en`);
    await waitForResults();
    expect(await page.textContent('.status')).toContain('No results');
  });

  it('has no serious or critical accessibility violation (axe-core)', async () => {
    await page.goto(`${server.url}/?lang=fr`);
    await waitForResults();
    await page.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> };
        }
      ).axe;
      const result = await axe.run();
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
    });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });

  it('works at phone width', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(`${server.url}/?lang=fr`);
    await phone.waitForSelector('.status .count');
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshotNotBlank(phone, 'search-phone');
    await phone.close();
  });
});
