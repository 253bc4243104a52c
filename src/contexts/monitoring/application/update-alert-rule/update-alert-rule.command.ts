import type { AlertRuleChanges } from '../../domain/alerts/alert-rule.js';

export interface UpdateAlertRuleCommand extends AlertRuleChanges {
  readonly ruleId: string;
  readonly global: boolean;
}
