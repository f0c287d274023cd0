import autocannon from 'autocannon';

// One fixed-rate load run with autocannon (programmatic), measuring every response ourselves.
//
// How autocannon's `overallRate` works (lib/httpClient.js): each connection gets rate/connections requests per
// one-second window and sends them back to back (one in flight per connection) until the window's quota is
// used, then waits for the next window. So the server sees bursts at concurrency = connections at the start
// of each second, not evenly spaced arrivals: latencies are those of `connections` concurrent requests, which
// is pessimistic compared with a paced open loop at the same rate. If the server cannot keep up, the achieved
// rate falls below the target; that is reported (and is a MISS).
// autocannon's own coordinated-omission correction is switched off: it passes Math.ceil(1 / rate) (seconds,
// rounded up to 1) as the expected interval in milliseconds, which adds a phantom sample at every millisecond
// below each response time. Latencies here are autocannon's per-response times (hrtime, fractional ms).

export interface LoadSpec {
  url: string;
  title: string;
  rate: number;
  connections: number;
  durationS: number;
  /** Requests for autocannon (method, path, body, setupRequest, onResponse); default GET of `path`. */
  requests?: autocannon.Request[];
  path?: string;
  /** Headers of every request (credentials). */
  headers?: Record<string, string>;
}

export interface LoadResult {
  title: string;
  targetRate: number;
  connections: number;
  durationS: number;
  completed: number;
  achievedRate: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Connection errors and timeouts (no HTTP response). */
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCounts: Record<string, number>;
}

/** Run autocannon at a fixed overall rate for `durationS` seconds. */
export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const latencies: number[] = [];
  const statusCounts: Record<string, number> = {};
  let non2xx = 0;
  let errors = 0;
  let timeouts = 0;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const options: autocannon.Options = {
      url: `${spec.url}${spec.path ?? '/'}`,
      connections: spec.connections,
      overallRate: spec.rate,
      duration: spec.durationS,
      timeout: 10,
      ignoreCoordinatedOmission: true,
    };
    if (spec.requests) options.requests = spec.requests;
    if (spec.headers) options.headers = spec.headers;
    const instance = autocannon(options, (error) => {
      if (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      const elapsedS = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      resolve({
        title: spec.title,
        targetRate: spec.rate,
        connections: spec.connections,
        durationS: elapsedS,
        completed: latencies.length,
        achievedRate: latencies.length / elapsedS,
        p50: percentile(latencies, 0.5),
        p90: percentile(latencies, 0.9),
        p99: percentile(latencies, 0.99),
        max: latencies.at(-1) ?? Number.NaN,
        errors,
        timeouts,
        non2xx,
        statusCounts,
      });
    });
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statusCounts[statusCode] = (statusCounts[statusCode] ?? 0) + 1;
      if (statusCode < 200 || statusCode > 299) non2xx++;
    });
    instance.on('reqError', (error: unknown) => {
      errors++;
      if (error instanceof Error && /timed out/.test(error.message)) timeouts++;
    });
  });
}

/** The nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank] as number;
}
