import { Injectable } from '@nestjs/common';
import { AlertRuleRepository, type AlertRulePage } from '../../domain/alerts/alert-rule.repository.js';
import type { ListAlertRulesQuery } from './list-alert-rules.query.js';

@Injectable()
export class ListAlertRulesHandler {
  constructor(private readonly rules: AlertRuleRepository) {}

  execute(query: ListAlertRulesQuery): Promise<AlertRulePage> {
    return this.rules.list(query.projectId, query.limit, query.cursor);
  }
}
