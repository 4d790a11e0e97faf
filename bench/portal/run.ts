/**
 * Portal load benchmark (not a test): time from navigation start to the first page of results on the search
 * page, in headless Chromium against a local server with the test catalogue. Prints the figures and writes
 * bench/reports/portal-load.{json,md}.
 *
 * Usage: npx tsx bench/portal/run.ts [--runs 20]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../../test/e2e/browser.js';
import { startPortalServer } from '../../test/e2e/portal-fixture.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' } } });
const runs = Number(values.runs);

const server = await startPortalServer();
const browser = await launchBrowser();
const timings: number[] = [];
try {
  for (let run = 0; run < runs; run++) {
    // A fresh context each time: no HTTP cache, as for a first visit.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/?lang=fr`);
    await page.waitForSelector('.status .count');
    timings.push(await page.evaluate(() => performance.now()));
    await context.close();
  }
} finally {
  await browser.close();
  await server.app.close();
  await server.store.close();
}

timings.sort((a, b) => a - b);
const quantile = (q: number): number => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))];
const report = {
  benchmark: 'portal search page: navigation start → first results shown',
  date: new Date().toISOString(),
  machine: {
    cpu: cpus()[0]?.model,
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  },
  runs,
  p50_ms: Math.round(quantile(0.5)),
  p95_ms: Math.round(quantile(0.95)),
  max_ms: Math.round(timings[timings.length - 1]),
  target_ms: 1500,
};
console.log(report);
mkdirSync('bench/reports', { recursive: true });
writeFileSync('bench/reports/portal-load.json', `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(
  'bench/reports/portal-load.md',
  `# Portal load time\n\n${report.date}, ${report.machine.cpu} (${report.machine.cores} cores), Node ${report.machine.node}\n\n` +
    `| runs | p50 | p95 | max | target |\n|---|---|---|---|---|\n| ${runs} | ${report.p50_ms} ms | ${report.p95_ms} ms | ${report.max_ms} ms | ${report.target_ms} ms (${report.p95_ms <= report.target_ms ? 'met' : 'missed'}) |\n`,
);
