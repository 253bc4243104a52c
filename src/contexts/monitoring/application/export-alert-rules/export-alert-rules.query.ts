import type { PrometheusRuleGroup, SkippedRule } from '@libs/platform/ports';

/** A project's alert rules, or the global ones for null, as a Prometheus rule file's content. */
export interface ExportAlertRulesQuery {
  readonly projectId: string | null;
}

export interface ExportedAlertRules {
  readonly groups: readonly PrometheusRuleGroup[];
  /** Rules whose signal no metric holds, with why. */
  readonly skipped: readonly SkippedRule[];
}
