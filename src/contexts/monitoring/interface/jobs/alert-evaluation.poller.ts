import { Injectable } from '@nestjs/common';
import { EvaluateDueAlertRulesHandler } from '../../application/evaluate-due-alert-rules/evaluate-due-alert-rules.handler.js';
import { NotifyAlertGroupsHandler } from '../../application/notify-alert-groups/notify-alert-groups.handler.js';
import { AlertingSettings } from '../../application/ports/alerting-settings.js';
import { DueWorkPoller } from './due-work-poller.js';

/**
 * Every ALERT_EVAL_INTERVAL_MS, in every worker: evaluates the due alert rules, then routes the
 * alerts into their notification groups. PostgreSQL holds the due times, the leases and the group
 * states (docs/adr/0603), so more workers never evaluate one rule or tell one group twice.
 */
@Injectable()
export class AlertEvaluationPoller extends DueWorkPoller {
  protected readonly failure = 'evaluating or notifying alerts';

  constructor(
    private readonly evaluating: EvaluateDueAlertRulesHandler,
    private readonly notifying: NotifyAlertGroupsHandler,
    settings: AlertingSettings,
  ) {
    super({ intervalMs: settings.evaluationIntervalMs, batchSize: settings.batchSize });
  }

  protected claimBatch(): Promise<{ readonly claimed: number }> {
    return this.evaluating.execute({});
  }

  protected override async afterDraining(): Promise<void> {
    await this.notifying.execute({});
  }
}
