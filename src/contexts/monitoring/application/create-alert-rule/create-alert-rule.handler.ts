import { Injectable } from '@nestjs/common';
import { AlertRule } from '../../domain/alerts/alert-rule.js';
import { AlertRuleRepository } from '../../domain/alerts/alert-rule.repository.js';
import { Clock } from '../ports/clock.js';
import type { CreateAlertRuleCommand } from './create-alert-rule.command.js';

/** Stores a rule; it is due at once, so its first evaluation comes with the next evaluator round. */
@Injectable()
export class CreateAlertRuleHandler {
  constructor(
    private readonly rules: AlertRuleRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: CreateAlertRuleCommand): Promise<AlertRule> {
    const { actorId, ...fields } = command;
    const rule = AlertRule.create({ ...fields, createdBy: actorId, at: this.clock.now() });
    await this.rules.add(rule);
    return rule;
  }
}
