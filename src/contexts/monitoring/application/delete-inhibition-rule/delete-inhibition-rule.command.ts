export interface DeleteInhibitionRuleCommand {
  readonly projectId: string;
  readonly ruleId: string;
}
