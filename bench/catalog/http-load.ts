/**
 * A bounded HTTP load loop for the benchmark: `concurrency` workers send requests built on the fly (so
 * every request can differ) over keep-alive connections to 127.0.0.1, until a request count or a time
 * limit is reached, and record each latency. Used instead of autocannon so that parameters vary per
 * request and the loop stops on whichever bound comes first.
 */
import { Agent, request } from 'node:http';

export interface RequestSpec {
  method: 'GET' | 'POST';
  /** Path and query string, e.g. `/api/search?bbox=...`. */
  path: string;
  body?: unknown;
}

export interface HttpResponse {
  status: number;
  body: string;
  latencyMs: number;
}

/** A keep-alive client bound to one local port. */
export class LocalHttpClient {
  private readonly agent: Agent;

  constructor(
    private readonly port: number,
    maxSockets = 32,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets });
  }

  send(spec: RequestSpec): Promise<HttpResponse> {
    const payload = spec.body === undefined ? undefined : JSON.stringify(spec.body);
    const started = process.hrtime.bigint();
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: this.port,
          method: spec.method,
          path: spec.path,
          agent: this.agent,
          headers:
            payload === undefined
              ? {}
              : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
              latencyMs: Number(process.hrtime.bigint() - started) / 1e6,
            }),
          );
          res.on('error', reject);
        },
      );
      req.setTimeout(60_000, () =>
        req.destroy(new Error(`request timed out: ${spec.method} ${spec.path.slice(0, 200)}`)),
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

export interface LoadOptions {
  concurrency: number;
  maxRequests: number;
  maxDurationMs: number;
  /** Builds the `n`-th request. */
  nextRequest: (n: number) => RequestSpec;
  /** Inspects a response (e.g. to count matches); returns an error message for a bad one. */
  check?: (response: HttpResponse) => string | undefined;
  /** CPU seconds used so far by the server process, to report CPU time per request. */
  serverCpuSeconds?: () => number;
}

export interface LatencySummary {
  requests: number;
  errors: number;
  firstError?: string;
  durationMs: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  meanMs: number;
  maxMs: number;
  /** Server CPU time (user + system) per successful request: unaffected by other load on the machine. */
  serverCpuMsPerRequest?: number;
}

/** Runs the bounded loop; failed requests count as errors and are excluded from the latencies. */
export async function runLoad(client: LocalHttpClient, options: LoadOptions): Promise<LatencySummary> {
  const latencies: number[] = [];
  let issued = 0;
  let errors = 0;
  let firstError: string | undefined;
  const cpuBefore = options.serverCpuSeconds?.();
  const started = performance.now();
  const deadline = started + options.maxDurationMs;
  const recordError = (message: string): void => {
    errors++;
    firstError ??= message;
  };
  const worker = async (): Promise<void> => {
    while (issued < options.maxRequests && performance.now() < deadline) {
      const spec = options.nextRequest(issued++);
      try {
        const response = await client.send(spec);
        const problem =
          response.status !== 200
            ? `HTTP ${response.status} for ${spec.method} ${spec.path.slice(0, 200)}: ${response.body.slice(0, 300)}`
            : options.check?.(response);
        if (problem === undefined) latencies.push(response.latencyMs);
        else recordError(problem);
      } catch (error) {
        recordError(`${spec.method} ${spec.path.slice(0, 200)}: ${(error as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const durationMs = performance.now() - started;
  const cpuAfter = options.serverCpuSeconds?.();
  const serverCpuMsPerRequest =
    cpuBefore === undefined || cpuAfter === undefined || latencies.length === 0
      ? undefined
      : ((cpuAfter - cpuBefore) * 1000) / latencies.length;
  return {
    ...summarize(latencies),
    errors,
    firstError,
    durationMs,
    requestsPerSecond: (latencies.length * 1000) / durationMs,
    serverCpuMsPerRequest,
  };
}

/** Nearest-rank percentiles of the latencies, in ms. */
export function summarize(
  latencies: number[],
): Pick<LatencySummary, 'requests' | 'p50Ms' | 'p95Ms' | 'p99Ms' | 'meanMs' | 'maxMs'> {
  const sorted = [...latencies].sort((a, b) => a - b);
  const rank = (p: number): number =>
    sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  return {
    requests: sorted.length,
    p50Ms: rank(50),
    p95Ms: rank(95),
    p99Ms: rank(99),
    meanMs: sorted.length === 0 ? NaN : sorted.reduce((sum, v) => sum + v, 0) / sorted.length,
    maxMs: sorted.length === 0 ? NaN : sorted[sorted.length - 1],
  };
}
