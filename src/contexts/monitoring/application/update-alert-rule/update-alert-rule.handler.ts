import { Injectable } from '@nestjs/common';
import type { AlertRule } from '../../domain/alerts/alert-rule.js';
import { AlertRuleRepository } from '../../domain/alerts/alert-rule.repository.js';
import { Clock } from '../ports/clock.js';
import { AlertRuleLookup } from '../services/alert-rule-lookup.js';
import type { UpdateAlertRuleCommand } from './update-alert-rule.command.js';

/** Changes a rule; its alerts keep their state and follow the new condition from the next evaluation. */
@Injectable()
export class UpdateAlertRuleHandler {
  constructor(
    private readonly lookup: AlertRuleLookup,
    private readonly rules: AlertRuleRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: UpdateAlertRuleCommand): Promise<AlertRule> {
    const { ruleId, global, ...changes } = command;
    const rule = await this.lookup.require(ruleId, global);
    rule.change(changes, this.clock.now());
    await this.rules.save(rule);
    return rule;
  }
}
