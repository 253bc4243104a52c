import type { SloSubject } from '../../domain/slo/slo-suggestion.js';

/** Port: what service levels can be suggested for in a project, from the contexts that own them. */
export abstract class SloSubjects {
  abstract deploymentsOf(projectId: string): Promise<SloSubject[]>;
  abstract scheduledWorkflowsOf(projectId: string): Promise<SloSubject[]>;
}
