import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PeriodicWork } from '@libs/platform';
import { EvaluateDueAlertRulesHandler } from '../../application/evaluate-due-alert-rules/evaluate-due-alert-rules.handler.js';
import { NotifyAlertGroupsHandler } from '../../application/notify-alert-groups/notify-alert-groups.handler.js';
import { AlertingSettings } from '../../application/ports/alerting-settings.js';

/**
 * Every ALERT_EVAL_INTERVAL_MS, in every worker: evaluates the due alert rules, then routes the
 * alerts into their notification groups. PostgreSQL holds the due times, the leases and the group
 * states (docs/adr/0603), so more workers never evaluate one rule or tell one group twice.
 * An evaluation round that claimed a full batch goes on at once: more may be due.
 */
@Injectable()
export class AlertEvaluationPoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AlertEvaluationPoller.name);
  private stopping = false;
  private readonly work = new PeriodicWork(
    () => this.round(),
    (error) => this.logger.error(`evaluating or notifying alerts failed: ${error.message}`),
  );

  constructor(
    private readonly evaluating: EvaluateDueAlertRulesHandler,
    private readonly notifying: NotifyAlertGroupsHandler,
    private readonly settings: AlertingSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.work.start(this.settings.evaluationIntervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.work.stop();
  }

  private async round(): Promise<void> {
    while (!this.stopping) {
      const { claimed } = await this.evaluating.execute({});
      if (claimed < this.settings.batchSize) break;
    }
    if (!this.stopping) await this.notifying.execute({});
  }
}
