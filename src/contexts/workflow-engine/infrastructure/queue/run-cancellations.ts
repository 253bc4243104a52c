import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RedisConnections } from '@libs/platform';
import type { RunCancellationSignals } from '../../application/ports/run-cancellation-signals.js';

const CHANNEL = 'workflow-engine.run-cancelled';

/**
 * Stops the attempts a cancelled run has running, in every process: the cancelling change announces
 * the run on a Redis channel once committed, and each process aborts the attempts of that run it
 * executes. Best effort by design: a missed announcement only lets the attempt run to its end, whose
 * report the cancelled run then refuses, as before.
 */
@Injectable()
export class RunCancellations implements RunCancellationSignals, OnApplicationShutdown {
  private readonly logger = new Logger(RunCancellations.name);
  private readonly running = new Map<string, Set<AbortController>>();
  private subscriber?: Redis;
  private listening?: Promise<void>;

  constructor(private readonly redis: RedisConnections) {}

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
    await this.listen();
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

  /**
   * Subscribes on the first attempt this process runs, so processes that run none (API-only) hold
   * no subscriber connection. A failed subscription is retried at the next attempt.
   */
  private listen(): Promise<void> {
    this.listening ??= (async () => {
      if (this.subscriber === undefined) {
        this.subscriber = this.redis.dedicatedConnection('run-cancellations');
        this.subscriber.on('message', (_channel: string, runId: string) => this.abort(runId));
      }
      await this.subscriber.subscribe(CHANNEL);
    })().catch((error: Error) => {
      this.logger.warn(`not listening for cancellations yet: ${error.message}`);
      this.listening = undefined;
    });
    return this.listening;
  }

  private abort(runId: string): void {
    for (const controller of this.running.get(runId) ?? []) controller.abort(new Error(`run ${runId} was cancelled`));
  }
}
