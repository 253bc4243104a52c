import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { percentile, round } from './bench-result.js';

/** One request, sent the same way every time by every client of a load. */
export interface HttpCall {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

/** What a closed-loop load measured: requests answered 2xx per second and their latencies. */
export interface LoadFigures {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly requests: number;
  /**
   * CPU time of this process per answered request: the client's alone for an app in a child
   * process, the app's and the client's together for one in this process.
   */
  readonly cpuMsPerRequest: number;
  /** Answers other than 2xx, and transport errors: any is a defect the bench reports. */
  readonly failures: number;
  /** The failures by status code (`error` for a transport error): a 429 is not a 502. */
  readonly failuresByStatus: Readonly<Record<string, number>>;
}

/**
 * `clients` callers each sending `call` again as soon as the last answer is read, for `seconds`,
 * over kept-alive node:http sockets (one per client, opened before the clock starts). node:http
 * rather than fetch: fetch's own cost per request would dwarf the routes measured here.
 */
export async function closedLoop(call: HttpCall, clients: number, seconds: number): Promise<LoadFigures> {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const body = call.body === undefined ? undefined : Buffer.from(call.body);
  const headers = {
    ...call.headers,
    ...(body && { 'content-type': 'application/json', 'content-length': String(body.length) }),
  };
  const send = (): Promise<number> =>
    new Promise((resolve, reject) => {
      const outgoing = request(call.url, { method: call.method, headers, agent }, (response) => {
        response.on('data', () => undefined);
        response.once('end', () => resolve(response.statusCode ?? 0));
        response.once('error', reject);
      });
      outgoing.once('error', reject);
      outgoing.end(body);
    });
  try {
    // Warm-up: every socket open and every route compiled before anything is counted.
    await Promise.all(Array.from({ length: clients }, () => send()));
    const latencies: number[] = [];
    let failures = 0;
    const failuresByStatus: Record<string, number> = {};
    const cpu = process.cpuUsage();
    const started = performance.now();
    const deadline = started + seconds * 1000;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (performance.now() < deadline) {
          const sent = performance.now();
          const status = await send().catch(() => 0);
          if (status >= 200 && status < 300) latencies.push(performance.now() - sent);
          else {
            failures += 1;
            const key = status === 0 ? 'error' : String(status);
            failuresByStatus[key] = (failuresByStatus[key] ?? 0) + 1;
          }
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const { user, system } = process.cpuUsage(cpu);
    return {
      requestsPerSecond: round(latencies.length / elapsed),
      p50Ms: round(percentile(latencies, 50), 3),
      p95Ms: round(percentile(latencies, 95), 3),
      p99Ms: round(percentile(latencies, 99), 3),
      requests: latencies.length,
      cpuMsPerRequest: round((user + system) / 1000 / latencies.length, 3),
      failures,
      failuresByStatus,
    };
  } finally {
    agent.destroy();
  }
}

/** Unmeasured load for a while first: the routes compiled and optimised before any round counts. */
export async function warmUp(call: HttpCall, clients: number, seconds = 2): Promise<void> {
  const figures = await closedLoop(call, clients, seconds);
  if (figures.failures > 0)
    throw new Error(
      `${call.method} ${call.url} failed ${figures.failures} times while warming up (by status: ${JSON.stringify(figures.failuresByStatus)})`,
    );
}

/** The run in the middle by requests/s: of alternated rounds, the one least moved by a burst beside it. */
export function medianRun(runs: readonly LoadFigures[]): LoadFigures {
  const sorted = [...runs].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  return sorted[Math.floor(sorted.length / 2)];
}
