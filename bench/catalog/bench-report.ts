/**
 * The benchmark report: every measured figure, the targets of issue 2 point 8 checked against them
 * (pass/fail, no rounding in favour of a pass), written as JSON and as a markdown page.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IngestFigures } from './catalog-builder.js';
import type { LatencySummary } from './http-load.js';
import type { MachineInfo, RssBreakdown } from './machine-info.js';

export interface SearchFigures extends LatencySummary {
  shape: string;
  description: string;
  concurrency: number;
  /** Mean numberMatched / numberReturned over the sampled responses (concurrency 1 only). */
  meanNumberMatched?: number;
  meanNumberReturned?: number;
}

export interface AggregationFigures extends LatencySummary {
  aggregation: string;
  scope: string;
}

export interface TargetCheck {
  metric: string;
  target: string;
  measured: string;
  pass: boolean;
}

export interface BenchReport {
  machine: MachineInfo;
  config: {
    items: number;
    collections: number;
    seed: number;
    order: 'chronological' | 'random';
    limit: number;
    dataDir: string;
    reusedData: boolean;
    /** Server processes (--workers); absent in reports from before the option, which used one. */
    workers?: number;
  };
  ingest?: IngestFigures & { ingestProcessPeakRssBytes: number };
  disk: { totalBytes: number; files: Record<string, number> };
  searches: SearchFigures[];
  throughput: LatencySummary & { concurrency: number; mix: string };
  aggregations: AggregationFigures[];
  /** With several server processes, serverPeakRssBytes is the sum of their peaks, listed one by one. */
  memory: {
    serverPeakRssBytes?: number;
    processPeakRssBytes?: (number | undefined)[];
    sampledPeaks: RssBreakdown;
  };
  targets: TargetCheck[];
}

const MIB = 1024 * 1024;
const ms = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : 'n/a');
const mib = (bytes: number | undefined): string =>
  bytes === undefined ? 'n/a' : `${(bytes / MIB).toFixed(0)} MiB`;
const cpu = (value: number | undefined): string => (value === undefined ? 'n/a' : `${value.toFixed(1)} ms`);
const integer = (value: number): string => Math.round(value).toLocaleString('en-US');

const serverProcesses = (workers = 1): string =>
  workers === 1
    ? 'one server process'
    : `${workers} server processes on one port (\`--workers ${workers}\`; server CPU and memory added up over them)`;

/** Checks the issue's targets. A figure that could not be measured fails. */
export function checkTargets(report: Omit<BenchReport, 'targets'>): TargetCheck[] {
  const checks: TargetCheck[] = [];
  if (report.ingest) {
    checks.push({
      metric: `ingest rate (writeItems, batches of ${integer(report.ingest.batchSize)})`,
      target: '≥ 10,000 items/s',
      measured: `${integer(report.ingest.itemsPerSecond)} items/s`,
      pass: report.ingest.itemsPerSecond >= 10_000,
    });
  }
  for (const search of report.searches.filter((s) => s.concurrency === 1)) {
    checks.push({
      metric: `p95 ${search.shape}, concurrency 1`,
      target: '≤ 20 ms',
      measured: search.errors > 0 ? `${ms(search.p95Ms)}, ${search.errors} errors` : ms(search.p95Ms),
      pass: search.p95Ms <= 20 && search.errors === 0,
    });
  }
  checks.push({
    metric: `throughput, concurrency ${report.throughput.concurrency} (${report.throughput.mix})`,
    target: '≥ 800 searches/s',
    measured: `${integer(report.throughput.requestsPerSecond)} searches/s${report.throughput.errors > 0 ? `, ${report.throughput.errors} errors` : ''}`,
    pass: report.throughput.requestsPerSecond >= 800 && report.throughput.errors === 0,
  });
  for (const aggregation of report.aggregations) {
    checks.push({
      metric: `aggregation ${aggregation.aggregation} (${aggregation.scope}), p95`,
      target: '≤ 150 ms',
      measured:
        aggregation.errors > 0
          ? `${ms(aggregation.p95Ms)}, ${aggregation.errors} errors`
          : ms(aggregation.p95Ms),
      pass: aggregation.p95Ms <= 150 && aggregation.errors === 0,
    });
  }
  const peak = report.memory.serverPeakRssBytes;
  checks.push({
    metric: 'server peak memory (VmHWM)',
    target: '< 1 GiB',
    measured: mib(peak),
    pass: peak !== undefined && peak < 1024 * MIB,
  });
  return checks;
}

/** Writes catalog-<N>.json and catalog-<N>.md into `outDir`; returns their paths. */
export function writeReport(report: BenchReport, outDir: string): { json: string; markdown: string } {
  mkdirSync(outDir, { recursive: true });
  const json = join(outDir, `catalog-${report.config.items}.json`);
  const markdown = join(outDir, `catalog-${report.config.items}.md`);
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(markdown, renderMarkdown(report));
  return { json, markdown };
}

/** The markdown page: targets first, then the detail of every measurement. */
export function renderMarkdown(report: BenchReport): string {
  const { machine, config } = report;
  const lines: string[] = [
    `# Catalogue benchmark: ${integer(config.items)} items, ${config.collections} collections`,
    '',
    `Run on ${machine.date} — ${machine.cpuModel}, ${machine.cores} cores, ${(machine.memoryBytes / 1024 ** 3).toFixed(1)} GiB RAM, ${machine.os}, node ${machine.node}, commit ${machine.gitCommit}.`,
    `Seed ${config.seed}; items ingested in ${config.order === 'random' ? 'random datetime order' : 'acquisition (datetime) order with a few days of jitter'}; page size (limit) ${config.limit}; ${serverProcesses(config.workers)}; client and server share the machine (load generator on 127.0.0.1).`,
    `1-minute load average when the run started: ${machine.loadAverageAtStart.toFixed(1)} on ${machine.cores} cores. ` +
      'Latencies are wall-clock and grow with other work on the machine; the server CPU time per request beside them does not.',
    '',
    '## Targets (issue 2, point 8)',
    '',
    '| Metric | Target | Measured | Result |',
    '| --- | --- | --- | --- |',
    ...report.targets.map(
      (t) => `| ${t.metric} | ${t.target} | ${t.measured} | ${t.pass ? 'pass' : '**FAIL**'} |`,
    ),
    '',
    `${report.targets.filter((t) => t.pass).length} of ${report.targets.length} targets met.`,
    '',
  ];
  if (report.ingest) {
    const ingest = report.ingest;
    lines.push(
      '## Ingest',
      '',
      `- ${integer(ingest.items)} items in ${ingest.batches} batches of ${ingest.batchSize} (mode insert, one transaction per batch).`,
      `- Inside writeItems: ${ingest.writeSeconds.toFixed(1)} s → **${integer(ingest.itemsPerSecond)} items/s**; last 10 % of batches ${integer(ingest.finalItemsPerSecond)} items/s; slowest batch ${ms(ingest.slowestBatchMs)}.`,
      `- CPU time inside writeItems: ${ingest.writeCpuSeconds.toFixed(1)} s → ${integer(ingest.cpuItemsPerSecond)} items per CPU-second.`,
      `- Including item generation: ${ingest.wallSeconds.toFixed(1)} s → ${integer(ingest.wallItemsPerSecond)} items/s.`,
      `- Items' JSON volume ≈ ${mib(ingest.estimatedJsonBytes)}; ingest process peak RSS ${mib(ingest.ingestProcessPeakRssBytes)} (generator included).`,
      '',
    );
  } else {
    lines.push('## Ingest', '', `Not measured: the catalogue in ${config.dataDir} was reused.`, '');
  }
  lines.push(
    '## Size on disk',
    '',
    `${mib(report.disk.totalBytes)} in total (${(report.disk.totalBytes / config.items).toFixed(0)} bytes per item): ` +
      Object.entries(report.disk.files)
        .map(([name, bytes]) => `${name} ${mib(bytes)}`)
        .join(', '),
    '',
    '## Search latency over HTTP',
    '',
    '| Shape | Concurrency | Requests | Errors | p50 | p95 | p99 | max | req/s | server CPU/req | mean matched | mean returned |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...report.searches.map(
      (s) =>
        `| ${s.shape} | ${s.concurrency} | ${s.requests} | ${s.errors} | ${ms(s.p50Ms)} | ${ms(s.p95Ms)} | ${ms(s.p99Ms)} | ${ms(s.maxMs)} | ${s.requestsPerSecond.toFixed(0)} | ${cpu(s.serverCpuMsPerRequest)} | ${s.meanNumberMatched === undefined ? '' : integer(s.meanNumberMatched)} | ${s.meanNumberReturned === undefined ? '' : s.meanNumberReturned.toFixed(1)} |`,
    ),
    '',
    'Shapes:',
    ...[...new Map(report.searches.map((s) => [s.shape, s.description])).entries()].map(
      ([shape, d]) => `- **${shape}**: ${d}`,
    ),
    '',
    `Throughput at concurrency ${report.throughput.concurrency} (${report.throughput.mix}): **${integer(report.throughput.requestsPerSecond)} searches/s** over ${(report.throughput.durationMs / 1000).toFixed(1)} s, p50 ${ms(report.throughput.p50Ms)}, p95 ${ms(report.throughput.p95Ms)}, server CPU ${cpu(report.throughput.serverCpuMsPerRequest)} per search, ${report.throughput.errors} errors.`,
    '',
    '## Aggregations (GET /api/aggregate, concurrency 1)',
    '',
    '| Aggregation | Scope | Requests | Errors | p50 | p95 | max | server CPU/req |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...report.aggregations.map(
      (a) =>
        `| ${a.aggregation} | ${a.scope} | ${a.requests} | ${a.errors} | ${ms(a.p50Ms)} | ${ms(a.p95Ms)} | ${ms(a.maxMs)} | ${cpu(a.serverCpuMsPerRequest)} |`,
    ),
    '',
    '## Memory',
    '',
    `Server ${(config.workers ?? 1) > 1 ? `processes' peak RSS (VmHWM, over the whole run, added up: ${(report.memory.processPeakRssBytes ?? []).map(mib).join(' + ')})` : 'process peak RSS (VmHWM, over the whole run)'}: **${mib(report.memory.serverPeakRssBytes)}**. ` +
      `Sampled every 100 ms during the measurements: peak RSS ${mib(report.memory.sampledPeaks.rssBytes)}, of which anonymous memory (JS heap, SQLite page cache) peaked at ${mib(report.memory.sampledPeaks.anonBytes)} and file-backed pages (memory-mapped database, code) at ${mib(report.memory.sampledPeaks.fileBytes)}.`,
    '',
  );
  const errors = [...report.searches, report.throughput, ...report.aggregations].filter((s) => s.firstError);
  if (errors.length > 0) {
    lines.push(
      '## First error of each failing measurement',
      '',
      ...errors.map(
        (s) =>
          `- ${'shape' in s ? s.shape : 'aggregation' in s ? s.aggregation : 'throughput'}: ${s.firstError}`,
      ),
      '',
    );
  }
  return lines.join('\n');
}
