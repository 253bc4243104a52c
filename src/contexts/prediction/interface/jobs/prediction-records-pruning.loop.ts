import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PeriodicWork } from '@libs/platform';
import { PrunePredictionRecordsHandler } from '../../application/prune-prediction-records/prune-prediction-records.handler.js';
import { FeedbackSettings } from '../../application/ports/feedback-settings.js';

/** Deletes prediction records past their deployment's retention every PREDICTION_RECORD_PRUNE_INTERVAL_MS. */
@Injectable()
export class PredictionRecordsPruningLoop implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PredictionRecordsPruningLoop.name);
  private readonly work = new PeriodicWork(
    async () => {
      const { deleted } = await this.pruning.execute({ now: new Date() });
      if (deleted > 0) this.logger.log(`pruned ${deleted} prediction records past their retention`);
    },
    (error) => this.logger.error(`pruning prediction records failed: ${error.message}`),
  );

  constructor(
    private readonly pruning: PrunePredictionRecordsHandler,
    private readonly settings: FeedbackSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.work.start(this.settings.pruneIntervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.work.stop();
  }
}
