export interface CreateInhibitionRuleCommand {
  readonly projectId: string;
  readonly sourceMatchers: unknown;
  readonly targetMatchers: unknown;
  readonly equal?: readonly string[];
  readonly actorId: string;
}
