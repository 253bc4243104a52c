import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import Fastify, { type FastifyInstance } from 'fastify';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { percentile, round } from './bench-result.js';

/**
 * The cached answer's peer for `npm run bench -- prediction`: a bare Fastify route in the same
 * process taking the same body and answering the same JSON, with nothing of the platform between.
 */
export class BareFastifyRoute {
  private constructor(
    private readonly server: FastifyInstance,
    readonly url: string,
  ) {}

  static async start(answer: unknown): Promise<BareFastifyRoute> {
    const server = Fastify();
    server.post('/v2/models/bare/infer', () => answer);
    await server.listen({ port: 0, host: '127.0.0.1' });
    return new BareFastifyRoute(
      server,
      `http://127.0.0.1:${(server.server.address() as AddressInfo).port}/v2/models/bare/infer`,
    );
  }

  stop(): Promise<void> {
    return this.server.close();
  }
}

/** What the session loop measured: calls per second and each call's latency. */
export interface SessionFigures {
  readonly callsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/**
 * The uncached answer's peer: the same ONNX model in an onnxruntime-node session made as the
 * platform makes it (one intra-op thread), `session.run` awaited in a loop with a tensor made
 * from the same row every call, as the platform makes one from each request.
 */
export class SessionRunLoop {
  private constructor(private readonly session: InferenceSession) {}

  static async load(artifact: Buffer): Promise<SessionRunLoop> {
    return new SessionRunLoop(await InferenceSession.create(artifact, { intraOpNumThreads: 1 }));
  }

  async measure(row: readonly number[], seconds: number): Promise<SessionFigures> {
    const run = () => this.session.run({ x: new Tensor('float32', Float32Array.from(row), [1, row.length]) });
    for (let warm = 0; warm < 100; warm += 1) await run();
    const latencies: number[] = [];
    const started = performance.now();
    const deadline = started + seconds * 1000;
    while (performance.now() < deadline) {
      const sent = performance.now();
      await run();
      latencies.push(performance.now() - sent);
    }
    return {
      callsPerSecond: round(latencies.length / ((performance.now() - started) / 1000)),
      p50Ms: round(percentile(latencies, 50), 3),
      p99Ms: round(percentile(latencies, 99), 3),
    };
  }

  release(): Promise<void> {
    return this.session.release();
  }
}
