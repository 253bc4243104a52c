import { Injectable, Logger } from '@nestjs/common';
import { EventPublisher } from '@libs/messaging/ports';
import type { AlertEventPayload, MonitoringEvents } from '../../contracts/events.js';
import type { AlertRule } from '../../domain/alerts/alert-rule.js';
import { AlertRuleRepository } from '../../domain/alerts/alert-rule.repository.js';
import type { AlertTransition } from '../../domain/alerts/alert.js';
import { AlertRepository } from '../../domain/alerts/alert.repository.js';
import { evaluateRule } from '../../domain/alerts/rule-evaluation.js';
import { AlertingSettings } from '../ports/alerting-settings.js';
import { Clock } from '../ports/clock.js';
import { SignalReader } from '../ports/signal-reader.js';
import { Transaction } from '../ports/transaction.js';
import type { EvaluateDueAlertRulesCommand, EvaluationRound } from './evaluate-due-alert-rules.command.js';

/**
 * Evaluates every rule due now. A claim leases the rule (docs/adr/0603), so each rule has one
 * evaluator across processes; its alerts, their transitions and the firing/resolved events commit
 * together, then the lease is dropped and the rule is due one interval later. A rule whose signal
 * cannot be read keeps its alerts as they are and is tried again next interval.
 */
@Injectable()
export class EvaluateDueAlertRulesHandler {
  private readonly logger = new Logger(EvaluateDueAlertRulesHandler.name);

  constructor(
    private readonly rules: AlertRuleRepository,
    private readonly alerts: AlertRepository,
    private readonly signals: SignalReader,
    private readonly events: EventPublisher<MonitoringEvents>,
    private readonly transaction: Transaction,
    private readonly settings: AlertingSettings,
    private readonly clock: Clock,
  ) {}

  async execute(_command: EvaluateDueAlertRulesCommand): Promise<EvaluationRound> {
    const now = this.clock.now();
    const claimed = await this.rules.claimDue(
      now,
      new Date(now.getTime() + this.settings.leaseMs),
      this.settings.batchSize,
    );
    let transitions = 0;
    for (const rule of claimed) {
      try {
        transitions += await this.evaluate(rule);
      } catch (error) {
        this.logger.warn(`alert rule ${rule.id} was not evaluated: ${(error as Error).message}`);
      }
      await this.rules.release(rule.id, new Date(this.clock.now().getTime() + this.settings.evaluationIntervalMs));
    }
    return { claimed: claimed.length, transitions };
  }

  private async evaluate(rule: AlertRule): Promise<number> {
    const at = this.clock.now();
    const samples = await this.signals.read(rule.snapshot.expr, rule.projectId, at);
    return this.transaction.run(async () => {
      const evaluation = evaluateRule(rule, samples, await this.alerts.ofRule(rule.id), at);
      await this.alerts.save(evaluation.alerts, evaluation.transitions);
      for (const transition of evaluation.transitions) await this.announce(transition);
      return evaluation.transitions.length;
    });
  }

  private async announce(transition: AlertTransition): Promise<void> {
    if (transition.to !== 'firing' && transition.to !== 'resolved') return;
    const payload: AlertEventPayload = {
      alertId: transition.alertId,
      ruleId: transition.ruleId,
      projectId: transition.projectId,
      labels: transition.labels,
      annotations: transition.annotations,
      value: transition.value,
      lineage: transition.lineage,
      at: transition.at.toISOString(),
    };
    const type = transition.to === 'firing' ? 'monitoring.alert.firing.v1' : 'monitoring.alert.resolved.v1';
    await this.events.publish(type, payload, { aggregateId: transition.alertId });
  }
}
