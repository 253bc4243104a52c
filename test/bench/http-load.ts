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
  const client = new LoadClient(call, clients);
  try {
    // Warm-up: every socket open and every route compiled before anything is counted.
    await Promise.all(Array.from({ length: clients }, () => client.send()));
    const cpu = process.cpuUsage();
    const started = performance.now();
    const deadline = started + seconds * 1000;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (performance.now() < deadline) await client.timed();
      }),
    );
    return client.figures((performance.now() - started) / 1000, process.cpuUsage(cpu));
  } finally {
    client.close();
  }
}

/**
 * One caller sending `first` then `second`, one request at a time, for `seconds`: the latency of
 * each under the same moment's load. Two one-caller loads run one after the other differed by more
 * than the hop between them on a quiet host; alternating, a burst beside the bench moves both alike.
 * Each side's requests/s counts the whole run's time, shared by both.
 */
export async function alternating(
  first: HttpCall,
  second: HttpCall,
  seconds: number,
): Promise<[LoadFigures, LoadFigures]> {
  const clients = [new LoadClient(first, 1), new LoadClient(second, 1)];
  try {
    for (const client of clients) await client.send();
    const cpu = process.cpuUsage();
    const started = performance.now();
    const deadline = started + seconds * 1000;
    while (performance.now() < deadline) for (const client of clients) await client.timed();
    const elapsed = (performance.now() - started) / 1000;
    // Both sides send alike: the client's CPU goes half to each.
    const { user, system } = process.cpuUsage(cpu);
    const half = { user: user / 2, system: system / 2 };
    return [clients[0].figures(elapsed, half), clients[1].figures(elapsed, half)];
  } finally {
    for (const client of clients) client.close();
  }
}

/** Sends one call over its own kept-alive sockets and keeps what each timed request measured. */
class LoadClient {
  private readonly agent: Agent;
  private readonly body: Buffer | undefined;
  private readonly headers: Record<string, string>;
  private readonly latencies: number[] = [];
  private failures = 0;
  private readonly failuresByStatus: Record<string, number> = {};

  constructor(
    private readonly call: HttpCall,
    sockets: number,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: sockets });
    this.body = call.body === undefined ? undefined : Buffer.from(call.body);
    this.headers = {
      ...call.headers,
      ...(this.body && { 'content-type': 'application/json', 'content-length': String(this.body.length) }),
    };
  }

  send(): Promise<number> {
    return new Promise((resolve, reject) => {
      const outgoing = request(
        this.call.url,
        { method: this.call.method, headers: this.headers, agent: this.agent },
        (response) => {
          response.on('data', () => undefined);
          response.once('end', () => resolve(response.statusCode ?? 0));
          response.once('error', reject);
        },
      );
      outgoing.once('error', reject);
      outgoing.end(this.body);
    });
  }

  /** One request, its latency kept if answered 2xx, else counted by status (`error`: a transport error). */
  async timed(): Promise<void> {
    const sent = performance.now();
    const status = await this.send().catch(() => 0);
    if (status >= 200 && status < 300) this.latencies.push(performance.now() - sent);
    else {
      this.failures += 1;
      const key = status === 0 ? 'error' : String(status);
      this.failuresByStatus[key] = (this.failuresByStatus[key] ?? 0) + 1;
    }
  }

  /** The figures over `seconds` of load; `cpu` is this process's CPU meanwhile, shared out per answered request. */
  figures(seconds: number, cpu: NodeJS.CpuUsage): LoadFigures {
    const { latencies } = this;
    return {
      requestsPerSecond: round(latencies.length / seconds),
      p50Ms: round(percentile(latencies, 50), 3),
      p95Ms: round(percentile(latencies, 95), 3),
      p99Ms: round(percentile(latencies, 99), 3),
      requests: latencies.length,
      cpuMsPerRequest: round((cpu.user + cpu.system) / 1000 / latencies.length, 3),
      failures: this.failures,
      failuresByStatus: { ...this.failuresByStatus },
    };
  }

  close(): void {
    this.agent.destroy();
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
