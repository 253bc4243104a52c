import { Injectable } from '@nestjs/common';
import type { TaskAssignment } from '@contexts/workflow-engine';
import { RunCheckSuiteHandler } from '../../application/run-check-suite/run-check-suite.handler.js';
import type { BlockOn } from '../../domain/checks/blocking.js';
import type { CheckSuiteInput } from '../../domain/checks/check-suite.js';
import type { DataTaskOutcome } from './data-task-outcome.js';
import { validateOutcome } from './validate-task-outcome.js';

/** The params of a `data.validate` task, rendered and checked against its schema by the engine. */
export interface ValidateTaskParams {
  readonly datasetVersionId: string;
  readonly suite: CheckSuiteInput;
  readonly blockOn?: BlockOn;
}

/**
 * Runs the suite through the run-check-suite use case, as the API does, so the run, its report, its
 * event and its lineage are recorded the same way; in the task's project only, and for the run's actor.
 */
@Injectable()
export class ValidateTask {
  constructor(private readonly checkSuites: RunCheckSuiteHandler) {}

  async run(assignment: TaskAssignment, actorId: string): Promise<DataTaskOutcome> {
    const params = assignment.params as ValidateTaskParams;
    const run = await this.checkSuites.execute({
      versionId: params.datasetVersionId,
      suite: params.suite,
      actorId,
      projectId: assignment.projectId,
    });
    return validateOutcome(run, params.blockOn ?? 'error');
  }
}
