import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { PredictionHealthFacade } from '@contexts/prediction';
import { ScheduledWorkflowsFacade } from '@contexts/workflow-engine';
import { SloSubjects } from '../../application/ports/slo-subjects.js';
import type { SloSubject } from '../../domain/slo/slo-suggestion.js';

/**
 * Deployments from prediction's facade and scheduled workflows from the engine's (docs/adr/0604).
 * The engine's facade is bound wherever the engine runs (docs/adr/0702); prediction's only where it
 * is hosted: a context whose facade is unbound here has nothing to suggest for, its list is empty.
 */
@Injectable()
export class FacadeSloSubjects extends SloSubjects {
  constructor(private readonly modules: ModuleRef) {
    super();
  }

  async deploymentsOf(projectId: string): Promise<SloSubject[]> {
    const facade = this.hosted(PredictionHealthFacade);
    if (!facade) return [];
    return (await facade.deploymentsOf(projectId)).map((deployment) => ({
      kind: 'deployment',
      id: deployment.deploymentId,
      name: deployment.name,
    }));
  }

  async scheduledWorkflowsOf(projectId: string): Promise<SloSubject[]> {
    const facade = this.hosted(ScheduledWorkflowsFacade);
    if (!facade) return [];
    return (await facade.scheduledIn(projectId)).map((workflow) => ({
      kind: 'workflow',
      id: workflow.workflowId,
      name: workflow.name,
    }));
  }

  private hosted<T>(facade: abstract new (...args: never[]) => T): T | undefined {
    try {
      return this.modules.get(facade, { strict: false });
    } catch {
      return undefined;
    }
  }
}
