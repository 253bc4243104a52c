import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PeriodicWork } from '@libs/platform';
import { PromoteExperimentWinnersHandler } from '../../application/promote-experiment-winners/promote-experiment-winners.handler.js';
import { FeedbackSettings } from '../../application/ports/feedback-settings.js';

/**
 * Judges the experiments whose promotion is on every PREDICTION_EXPERIMENT_INTERVAL_MS, in every
 * worker: two workers deciding at once ask the registry for the same move, which it makes once.
 */
@Injectable()
export class ExperimentPromotionLoop implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ExperimentPromotionLoop.name);
  private readonly work = new PeriodicWork(
    async () => void (await this.promoting.execute({ at: new Date() })),
    (error) => this.logger.error(`judging experiments failed: ${error.message}`),
  );

  constructor(
    private readonly promoting: PromoteExperimentWinnersHandler,
    private readonly settings: FeedbackSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.work.start(this.settings.experimentIntervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.work.stop();
  }
}
