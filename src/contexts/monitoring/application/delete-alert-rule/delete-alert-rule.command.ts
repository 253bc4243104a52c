export interface DeleteAlertRuleCommand {
  readonly ruleId: string;
  readonly global: boolean;
}
