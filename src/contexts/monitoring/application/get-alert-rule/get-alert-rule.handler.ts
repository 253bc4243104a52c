import { Injectable } from '@nestjs/common';
import type { AlertRule } from '../../domain/alerts/alert-rule.js';
import { AlertRuleLookup } from '../services/alert-rule-lookup.js';
import type { GetAlertRuleQuery } from './get-alert-rule.query.js';

@Injectable()
export class GetAlertRuleHandler {
  constructor(private readonly lookup: AlertRuleLookup) {}

  execute(query: GetAlertRuleQuery): Promise<AlertRule> {
    return this.lookup.require(query.ruleId, query.global);
  }
}
