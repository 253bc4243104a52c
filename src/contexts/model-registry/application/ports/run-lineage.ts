/**
 * Whether a run named as a version's source really ran: the lineage graph's answer, so that a
 * made-up run id does not pass the `lineage-complete` promotion rule.
 */
export abstract class RunLineage {
  abstract knowsRun(runId: string): Promise<boolean>;
}
