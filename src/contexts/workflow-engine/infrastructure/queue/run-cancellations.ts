import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RedisConnections } from '@libs/platform';

const CHANNEL = 'workflow-engine.run-cancelled';

/**
 * Stops the attempts a cancelled run has running, in every process: the cancelling change announces
 * the run on a Redis channel once committed, and each process aborts the attempts of that run it
 * executes. Best effort by design: a missed announcement only lets the attempt run to its end, whose
 * report the cancelled run then refuses, as before.
 */
@Injectable()
export class RunCancellations implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RunCancellations.name);
  private readonly running = new Map<string, Set<AbortController>>();
  private subscriber?: Redis;

  constructor(private readonly redis: RedisConnections) {}

  async onApplicationBootstrap(): Promise<void> {
    this.subscriber = this.redis.dedicatedConnection('run-cancellations');
    this.subscriber.on('message', (_channel: string, runId: string) => this.abort(runId));
    await this.subscriber.subscribe(CHANNEL);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.subscriber) await this.redis.release(this.subscriber);
  }

  /** Called after the commit that cancelled `runId`. */
  announce(runId: string): void {
    this.redis.command.publish(CHANNEL, runId).catch((error: Error) => {
      this.logger.warn(`could not announce the cancellation of run ${runId}: ${error.message}`);
    });
  }

  /** A signal that aborts when `runId` is cancelled, while `work` runs. */
  async whileRunning<T>(runId: string, work: (cancelled: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    const ofRun = this.running.get(runId) ?? new Set<AbortController>();
    this.running.set(runId, ofRun.add(controller));
    try {
      return await work(controller.signal);
    } finally {
      ofRun.delete(controller);
      if (ofRun.size === 0) this.running.delete(runId);
    }
  }

  private abort(runId: string): void {
    for (const controller of this.running.get(runId) ?? []) controller.abort(new Error(`run ${runId} was cancelled`));
  }
}
