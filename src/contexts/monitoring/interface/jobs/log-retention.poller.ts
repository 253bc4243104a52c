import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PeriodicWork } from '@libs/platform';
import { LogSettings } from '../../application/ports/log-settings.js';
import { PruneLogsHandler } from '../../application/prune-logs/prune-logs.handler.js';

/**
 * Every LOG_PRUNE_INTERVAL_MS, in every worker: deletes the run log lines older than
 * LOG_RETENTION_DAYS. Workers doing it at once delete disjoint rows or nothing; no lease needed.
 */
@Injectable()
export class LogRetentionPoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(LogRetentionPoller.name);
  private readonly work = new PeriodicWork(
    async () => {
      const pruned = await this.pruning.execute({});
      const total = Object.values(pruned).reduce((sum, count) => sum + count, 0);
      if (total > 0) this.logger.log(`deleted ${total} log lines past retention: ${JSON.stringify(pruned)}`);
    },
    (error) => this.logger.error(`pruning run logs failed: ${error.message}`),
  );

  constructor(
    private readonly pruning: PruneLogsHandler,
    private readonly settings: LogSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.work.start(this.settings.pruneIntervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.work.stop();
  }
}
