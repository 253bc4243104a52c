import { SloSubjects } from '../../../src/contexts/monitoring/application/ports/slo-subjects.js';
import type { SloSubject } from '../../../src/contexts/monitoring/domain/slo/slo-suggestion.js';

/** Deployments and scheduled workflows planted per project. */
export class PlantedSloSubjects extends SloSubjects {
  constructor(private readonly planted: Readonly<Record<string, readonly SloSubject[]>>) {
    super();
  }

  deploymentsOf(projectId: string): Promise<SloSubject[]> {
    return Promise.resolve((this.planted[projectId] ?? []).filter((subject) => subject.kind === 'deployment'));
  }

  scheduledWorkflowsOf(projectId: string): Promise<SloSubject[]> {
    return Promise.resolve((this.planted[projectId] ?? []).filter((subject) => subject.kind === 'workflow'));
  }
}
