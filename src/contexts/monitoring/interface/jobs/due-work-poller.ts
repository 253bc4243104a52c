import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PeriodicWork } from '@libs/platform';

/** How often a poller looks for due work, and how many items it claims at once. */
export interface DuePace {
  readonly intervalMs: number;
  readonly batchSize: number;
}

/**
 * Claims due work every interval, in every worker. PostgreSQL holds the due times and the leases
 * (docs/adr/0601, 0603), so more workers never claim one item twice. A round that claimed a full
 * batch goes on at once (more may be due); once drained, `afterDraining` runs. Shutting down ends
 * the round after the batch in hand.
 */
export abstract class DueWorkPoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(this.constructor.name);
  private stopping = false;
  private readonly work = new PeriodicWork(
    () => this.round(),
    (error) => this.logger.error(`${this.failure} failed: ${error.message}`),
  );

  /** What a failed round was doing, for the log line. */
  protected abstract readonly failure: string;
  /** Claims and handles one batch of due work: how many items it claimed. */
  protected abstract claimBatch(): Promise<{ readonly claimed: number }>;

  constructor(private readonly pace: DuePace) {}

  protected afterDraining(): Promise<void> {
    return Promise.resolve();
  }

  onApplicationBootstrap(): void {
    this.work.start(this.pace.intervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.work.stop();
  }

  private async round(): Promise<void> {
    while (!this.stopping) {
      const { claimed } = await this.claimBatch();
      if (claimed < this.pace.batchSize) break;
    }
    if (!this.stopping) await this.afterDraining();
  }
}
