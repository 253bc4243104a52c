import type { AlertRuleChanges } from '../../domain/alerts/alert-rule.js';

export interface CreateAlertRuleCommand extends AlertRuleChanges {
  /** Null for a global rule (the route is admin-only). */
  readonly projectId: string | null;
  readonly name: string;
  readonly expr: unknown;
  readonly actorId: string;
}
