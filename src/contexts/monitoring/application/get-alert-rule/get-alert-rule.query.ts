export interface GetAlertRuleQuery {
  readonly ruleId: string;
  /** Whether the route addresses global rules (admin-only) or a project's. */
  readonly global: boolean;
}
