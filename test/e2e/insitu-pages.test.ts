/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * End-to-end tests of the in-situ pages in headless Chromium, against the real main job (src/server.ts) on a
 * fresh data directory, so the demo centre's GNSS network and ERORUN chemistry are what is shown: the station
 * map and its filters, the GNSS station page (E/N/U panels, solutions overlaid, events, detrend, velocities,
 * zoom, downloads) and the chart page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchBrowser, screenshotNotBlank } from './browser.js';
import { DEMO_HOOK_TIMEOUT_MS, startDemoCentre, type DemoCentre } from './demo-centre.js';

describe.skipIf(!hasChromium)('in-situ pages (Chromium)', () => {
  let server: DemoCentre;
  let browser: Browser;
  let page: Page;
  const errors: Error[] = [];

  beforeAll(async () => {
    server = await startDemoCentre('insitu-e2e');
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => errors.push(error));
  }, DEMO_HOOK_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const stationIds = (): Promise<string[]> =>
    page.$$eval('.station-list .station', (items) =>
      items.map((i) => (i as HTMLElement).dataset.station ?? ''),
    );

  it('maps the stations and filters them by network, solution and completeness', async () => {
    await page.goto(`${server.url}/stations.html?lang=fr`);
    await page.waitForSelector('.station-list .station');
    const all = await stationIds();
    const api = (await (await fetch(`${server.url}/api/insitu/stations`)).json()) as {
      stations: {
        id: string;
        networkId: string;
        datastreams: { method?: string; completeness?: number }[];
      }[];
    };
    expect(all.sort()).toEqual(api.stations.map((s) => s.id).sort());
    await page.selectOption('#filter-network', 'erorun');
    expect((await stationIds()).sort()).toEqual(
      api.stations
        .filter((s) => s.networkId === 'erorun')
        .map((s) => s.id)
        .sort(),
    );
    expect(new URL(page.url()).searchParams.get('network')).toBe('erorun');
    await page.selectOption('#filter-network', '');
    await page.selectOption('#filter-solution', 'SPOTGINS');
    expect((await stationIds()).sort()).toEqual(
      api.stations
        .filter((s) => s.datastreams.some((d) => d.method === 'SPOTGINS'))
        .map((s) => s.id)
        .sort(),
    );
    await screenshotNotBlank(page, 'insitu-stations');
    expect(errors).toEqual([]);
  });

  it('plots a GNSS station: E/N/U panels with both solutions, events, velocities, detrend, zoom', async () => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${server.url}/station.html?id=BELG&lang=en`);
    await page.waitForSelector('.series-panel canvas');
    await page.waitForFunction(() => document.querySelectorAll('.series-panel').length === 3);
    const titles = await page.$$eval('.series-panel .u-title', (t) => t.map((e) => e.textContent));
    expect(titles).toEqual(['East displacement', 'North displacement', 'Up displacement']);
    const legends = await page.$$eval('.series-panel', (panels) =>
      panels.map((p) => [...p.querySelectorAll('.u-series .u-label')].map((l) => l.textContent).slice(1)),
    );
    for (const labels of legends) expect(labels.sort()).toEqual(['GIPSYX', 'SPOTGINS']);
    // Velocities shown for the six datastreams, with the synthetic truth beside them.
    const velocityCells = await page.$$eval('td.velocity', (cells) => cells.map((c) => c.textContent ?? ''));
    expect(velocityCells).toHaveLength(6);
    for (const cell of velocityCells) expect(cell).toMatch(/^-?[\d.,]+ ± [\d.,]+ mm\/yr$/);
    expect(await page.locator('td', { hasText: 'true (synthetic)' }).count()).toBe(6);
    // Every series is fetched downsampled on the server.
    expect(
      requests.filter((u) => u.includes('/observations?') && u.includes('downsample=lttb')),
    ).toHaveLength(6);

    const before = await page.locator('.series-panel').first().screenshot();
    await page.check('#detrend');
    await page.waitForTimeout(600);
    const after = await page.locator('.series-panel').first().screenshot();
    expect(after.equals(before)).toBe(false);

    // Drag across the East panel: the range is fetched again with start and end.
    requests.length = 0;
    const plot = (await page.locator('.series-panel .u-over').first().boundingBox())!;
    await page.mouse.move(plot.x + plot.width * 0.4, plot.y + plot.height / 2);
    await page.mouse.down();
    await page.mouse.move(plot.x + plot.width * 0.6, plot.y + plot.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.waitForTimeout(600);
    expect(
      requests.some((u) => u.includes('/observations?') && u.includes('start=') && u.includes('end=')),
    ).toBe(true);
    await screenshotNotBlank(page, 'insitu-station-belg');
    expect(errors).toEqual([]);
  });

  it('offers CSV downloads of every series', async () => {
    await page.goto(`${server.url}/station.html?id=BELG&lang=fr`);
    const href = await page.getAttribute('.downloads a', 'href');
    const response = await fetch(new URL(href!, server.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect((await response.text()).split('\n')[0]).toBe('time,value,uncertainty,quality');
  });

  it('charts any in-situ variable, e.g. ERORUN chemistry', async () => {
    await page.goto(`${server.url}/chart.html?station=RDP-AMONT&lang=fr`);
    await page.waitForSelector('.series-panel canvas');
    expect(await page.locator('.series-panel').count()).toBe(1);
    const options = await page.$$eval('#variable option', (o) =>
      o.map((e) => (e as HTMLOptionElement).value),
    );
    expect(options.length).toBeGreaterThan(3);
    await Promise.all([page.waitForURL(/variable=/), page.selectOption('#variable', options[2])]);
    await page.waitForSelector('.series-panel canvas');
    expect(await page.inputValue('#variable')).toBe(options[2]);
    await screenshotNotBlank(page, 'insitu-chart-erorun');
    expect(errors).toEqual([]);
  });

  it('says so when a station does not exist', async () => {
    await page.goto(`${server.url}/station.html?id=NOPE&lang=en`);
    await page.waitForSelector('[role=alert]');
    expect(await page.textContent('[role=alert]')).toContain("station 'NOPE' does not exist");
  });
});
