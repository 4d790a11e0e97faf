/**
 * The HTTP measurements of the benchmark, against a running server: each search shape at concurrency 1
 * and 16, the 50th page of paged searches, a mixed-shape throughput run, and the aggregations.
 * Every run is bounded by a request count and a duration.
 */
import type { AggregationFigures, SearchFigures } from './bench-report.js';
import {
  runLoad,
  type HttpResponse,
  type LatencySummary,
  type LocalHttpClient,
  type RequestSpec,
} from './http-load.js';
import {
  nextPageRequest,
  pagedSearchStarts,
  randomInterval,
  searchShapes,
  type QueryShape,
} from './query-shapes.js';
import { SeededRandom } from './seeded-random.js';

export interface MeasurementPlan {
  collections: number;
  limit: number;
  seed: number;
  /** Requests per shape at concurrency 1 and at 16, and the time cap of each run. */
  requestsAt1: number;
  requestsAt16: number;
  maxRunMs: number;
  warmupRequests: number;
  pagedSearches: number;
  pageNumber: number;
  aggregationRequests: number;
  /** CPU seconds used so far by the server process. */
  serverCpuSeconds: () => number;
  log: (line: string) => void;
}

const HIGH_CONCURRENCY = 16;

/** Counts matches in concurrency-1 responses so the report shows the shapes return real results. */
function matchCounter(): {
  check: (r: HttpResponse) => string | undefined;
  means: () => Partial<SearchFigures>;
} {
  let responses = 0;
  let matched = 0;
  let matchedResponses = 0;
  let returned = 0;
  return {
    check: (response) => {
      const body = JSON.parse(response.body) as {
        type?: string;
        features?: unknown[];
        numberMatched?: number;
        numberReturned?: number;
      };
      if (body.type !== 'FeatureCollection' || !Array.isArray(body.features))
        return `not an ItemCollection: ${response.body.slice(0, 200)}`;
      responses++;
      returned += body.features.length;
      if (typeof body.numberMatched === 'number') {
        matched += body.numberMatched;
        matchedResponses++;
      }
      return undefined;
    },
    means: () => ({
      meanNumberReturned: responses > 0 ? returned / responses : undefined,
      meanNumberMatched: matchedResponses > 0 ? matched / matchedResponses : undefined,
    }),
  };
}

async function measureShape(
  client: LocalHttpClient,
  shape: QueryShape,
  plan: MeasurementPlan,
  random: SeededRandom,
): Promise<SearchFigures[]> {
  await runLoad(client, {
    concurrency: 1,
    maxRequests: plan.warmupRequests,
    maxDurationMs: plan.maxRunMs,
    nextRequest: () => shape.nextRequest(random),
  });
  const figures: SearchFigures[] = [];
  for (const concurrency of [1, HIGH_CONCURRENCY]) {
    const counter = matchCounter();
    const summary = await runLoad(client, {
      concurrency,
      maxRequests: concurrency === 1 ? plan.requestsAt1 : plan.requestsAt16,
      maxDurationMs: plan.maxRunMs,
      nextRequest: () => shape.nextRequest(random),
      check: concurrency === 1 ? counter.check : undefined,
      serverCpuSeconds: plan.serverCpuSeconds,
    });
    figures.push({
      shape: shape.name,
      description: shape.description,
      concurrency,
      ...summary,
      ...(concurrency === 1 ? counter.means() : {}),
    });
    plan.log(
      `  ${shape.name.padEnd(24)} c=${String(concurrency).padEnd(2)} p50 ${summary.p50Ms.toFixed(1)} ms  p95 ${summary.p95Ms.toFixed(1)} ms  p99 ${summary.p99Ms.toFixed(1)} ms  ${summary.requestsPerSecond.toFixed(0)} req/s  server CPU ${summary.serverCpuMsPerRequest?.toFixed(1)} ms/req  ${summary.errors} errors`,
    );
    if (summary.firstError) plan.log(`    first error: ${summary.firstError}`);
  }
  return figures;
}

/** Follows `next` links from a first page to page `pageNumber`; undefined when the search has fewer pages. */
async function walkToPage(
  client: LocalHttpClient,
  first: RequestSpec,
  pageNumber: number,
): Promise<RequestSpec | undefined> {
  let spec: RequestSpec | undefined = first;
  for (let page = 1; page < pageNumber && spec !== undefined; page++) {
    const response = await client.send(spec);
    if (response.status !== 200) {
      throw new Error(
        `paging failed at page ${page}: HTTP ${response.status} ${response.body.slice(0, 300)}`,
      );
    }
    spec = nextPageRequest(JSON.parse(response.body), spec);
  }
  return spec;
}

/** The requests of page `pageNumber` of several different searches, each the narrowest one deep enough. */
async function preparePageRequests(
  client: LocalHttpClient,
  plan: MeasurementPlan,
  random: SeededRandom,
): Promise<RequestSpec[]> {
  const pages: RequestSpec[] = [];
  for (let s = 0; s < plan.pagedSearches; s++) {
    for (const first of pagedSearchStarts(random, plan.collections, plan.limit)) {
      const page = await walkToPage(client, first, plan.pageNumber);
      if (page !== undefined) {
        pages.push(page);
        break;
      }
    }
  }
  if (pages.length === 0) throw new Error(`no search reached page ${plan.pageNumber}: catalogue too small`);
  return pages;
}

export interface SearchMeasurements {
  searches: SearchFigures[];
  throughput: LatencySummary & { concurrency: number; mix: string };
}

export async function measureSearches(
  client: LocalHttpClient,
  plan: MeasurementPlan,
): Promise<SearchMeasurements> {
  const random = new SeededRandom(plan.seed + 1);
  const shapes = searchShapes(plan.collections, plan.limit);
  plan.log(`Following next links to page ${plan.pageNumber} of ${plan.pagedSearches} paged searches...`);
  const pageRequests = await preparePageRequests(client, plan, random);
  let pageTurn = 0;
  shapes.push({
    name: `page ${plan.pageNumber}`,
    description: `the ${plan.pageNumber}th page (limit ${plan.limit}) of ${pageRequests.length} different searches (one collection over two years, or wider when that has fewer pages), reached by following next links; the page request is then timed`,
    nextRequest: () => pageRequests[pageTurn++ % pageRequests.length],
  });
  const searches: SearchFigures[] = [];
  for (const shape of shapes) searches.push(...(await measureShape(client, shape, plan, random)));
  let turn = 0;
  const throughput = await runLoad(client, {
    concurrency: HIGH_CONCURRENCY,
    maxRequests: plan.requestsAt16 * shapes.length,
    maxDurationMs: plan.maxRunMs,
    nextRequest: () => shapes[turn++ % shapes.length].nextRequest(random),
    serverCpuSeconds: plan.serverCpuSeconds,
  });
  plan.log(
    `  throughput c=${HIGH_CONCURRENCY}: ${throughput.requestsPerSecond.toFixed(0)} searches/s, ${throughput.errors} errors`,
  );
  return {
    searches,
    throughput: { ...throughput, concurrency: HIGH_CONCURRENCY, mix: `all ${shapes.length} shapes in turn` },
  };
}

const AGGREGATIONS: { name: string; params: string }[] = [
  { name: 'collection_frequency', params: 'aggregations=collection_frequency' },
  {
    name: 'datetime_frequency (monthly)',
    params: 'aggregations=datetime_frequency&datetime_frequency_interval=month',
  },
  { name: 'platform_frequency', params: 'aggregations=platform_frequency' },
  {
    name: 'geometry_grid_frequency (1°)',
    params: 'aggregations=geometry_grid_frequency&geometry_grid_frequency_cell_size=1',
  },
  {
    name: 'eo:cloud_cover min/max',
    params: `aggregations=${encodeURIComponent('eo:cloud_cover_min,eo:cloud_cover_max')}`,
  },
];

/** Each aggregation over the whole catalogue, then over varying 1–4 year windows. */
export async function measureAggregations(
  client: LocalHttpClient,
  plan: MeasurementPlan,
): Promise<AggregationFigures[]> {
  const random = new SeededRandom(plan.seed + 2);
  const figures: AggregationFigures[] = [];
  const check = (response: HttpResponse): string | undefined => {
    const body = JSON.parse(response.body) as { aggregations?: unknown[] };
    return Array.isArray(body.aggregations) && body.aggregations.length > 0
      ? undefined
      : `no aggregations in ${response.body.slice(0, 200)}`;
  };
  for (const aggregation of AGGREGATIONS) {
    for (const scope of ['whole catalogue', 'datetime window of 1–4 years'] as const) {
      const nextRequest = (): RequestSpec => ({
        method: 'GET',
        path: `/api/aggregate?${aggregation.params}${scope === 'whole catalogue' ? '' : `&datetime=${encodeURIComponent(randomInterval(random, 365, 4 * 365))}`}`,
      });
      await runLoad(client, { concurrency: 1, maxRequests: 2, maxDurationMs: plan.maxRunMs, nextRequest });
      const summary = await runLoad(client, {
        concurrency: 1,
        maxRequests: plan.aggregationRequests,
        maxDurationMs: plan.maxRunMs,
        nextRequest,
        check,
        serverCpuSeconds: plan.serverCpuSeconds,
      });
      figures.push({ aggregation: aggregation.name, scope, ...summary });
      plan.log(
        `  ${aggregation.name.padEnd(30)} ${scope.padEnd(28)} p50 ${summary.p50Ms.toFixed(1)} ms  p95 ${summary.p95Ms.toFixed(1)} ms  server CPU ${summary.serverCpuMsPerRequest?.toFixed(1)} ms/req  ${summary.errors} errors`,
      );
      if (summary.firstError) plan.log(`    first error: ${summary.firstError}`);
    }
  }
  return figures;
}
