import http from 'node:http';
import { type LoadResult, percentile } from './load-runner.js';

// A paced open-loop generator: request i is sent at start + i / rate whatever happened to earlier ones, and
// its latency is measured from that scheduled time (so a slow server cannot hide queueing by slowing the
// generator down — no coordinated omission). This is the arrival pattern DESIGN.md §9's targets assume;
// autocannon's `overallRate` sends bursts instead (see load-runner.ts).

export interface PacedRequest {
  method: string;
  path: string;
  body?: string;
  /** Request headers (credentials). */
  headers?: Record<string, string>;
  /** Called with the response; returns nothing. */
  done?: (status: number, body: string) => void;
}

export interface PacedSpec {
  url: string;
  title: string;
  rate: number;
  durationS: number;
  /** The next request to send (called at its scheduled time). */
  next: () => PacedRequest;
}

/** Send `rate` requests a second, evenly spaced, for `durationS` seconds; wait for the last responses. */
export async function runPaced(spec: PacedSpec): Promise<LoadResult> {
  const target = new URL(spec.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const latencies: number[] = [];
  const statusCounts: Record<string, number> = {};
  let non2xx = 0;
  let errors = 0;
  const total = Math.round(spec.rate * spec.durationS);
  const interval = 1000 / spec.rate;
  const started = performance.now();
  const pending: Promise<void>[] = [];
  const send = (due: number): Promise<void> =>
    new Promise((resolve) => {
      // From the scheduled time (a late send counts against the server, no coordinated omission), or from the
      // actual send when the timer fired up to a millisecond early.
      const scheduled = Math.min(due, performance.now());
      const request = spec.next();
      const outgoing = http.request(
        { host: target.hostname, port: target.port, method: request.method, path: request.path, agent, headers: { ...(request.headers ?? {}), ...(request.body ? { 'content-type': 'application/json' } : {}) } },
        (response) => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (body += chunk));
          response.on('end', () => {
            const status = response.statusCode ?? 0;
            latencies.push(performance.now() - scheduled);
            statusCounts[status] = (statusCounts[status] ?? 0) + 1;
            if (status < 200 || status > 299) non2xx++;
            request.done?.(status, body);
            resolve();
          });
        },
      );
      outgoing.on('error', () => {
        errors++;
        resolve();
      });
      outgoing.end(request.body);
    });
  for (let i = 0; i < total; i++) {
    const scheduled = started + i * interval;
    const wait = scheduled - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(send(scheduled));
  }
  await Promise.all(pending);
  agent.destroy();
  const elapsedS = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    title: spec.title,
    targetRate: spec.rate,
    connections: 0,
    durationS: elapsedS,
    completed: latencies.length,
    achievedRate: latencies.length / spec.durationS,
    p50: percentile(latencies, 0.5),
    p90: percentile(latencies, 0.9),
    p99: percentile(latencies, 0.99),
    max: latencies.at(-1) ?? Number.NaN,
    errors,
    timeouts: 0,
    non2xx,
    statusCounts,
  };
}
