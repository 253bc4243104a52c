import { Injectable } from '@nestjs/common';
import { AlertRuleRepository } from '../../domain/alerts/alert-rule.repository.js';
import { AlertRuleLookup } from '../services/alert-rule-lookup.js';
import type { DeleteAlertRuleCommand } from './delete-alert-rule.command.js';

/** Deletes a rule and its current alerts; their history stays (alert_transitions has no foreign key). */
@Injectable()
export class DeleteAlertRuleHandler {
  constructor(
    private readonly lookup: AlertRuleLookup,
    private readonly rules: AlertRuleRepository,
  ) {}

  async execute(command: DeleteAlertRuleCommand): Promise<void> {
    await this.lookup.require(command.ruleId, command.global);
    await this.rules.remove(command.ruleId);
  }
}
