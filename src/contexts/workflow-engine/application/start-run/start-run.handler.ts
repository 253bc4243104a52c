import { Injectable } from '@nestjs/common';
import { JsonSchemaValidator } from '../../domain/definition/json-schema.validator.js';
import { resolveRunParams } from '../../domain/definition/run-params.js';
import { WorkflowDefinitionRepository } from '../../domain/definition/workflow-definition.repository.js';
import { IdempotencyKeyTaken } from '../../domain/errors.js';
import { WorkflowRunRepository } from '../../domain/run/workflow-run.repository.js';
import { WorkflowRun } from '../../domain/run/workflow-run.js';
import { pinVersion } from '../services/pinned-version.js';
import { Clock } from '../ports/clock.js';
import { RunAdmission } from '../services/run-admission.js';
import { RunChanges } from '../services/run-changes.js';
import type { RunStarted, StartRunCommand } from './start-run.command.js';

/**
 * Starts a run of a workflow version with checked params; its first tasks are enqueued after the
 * commit. A workflow with a concurrency limit admits the run through its policy (RunAdmission).
 */
@Injectable()
export class StartRunHandler {
  constructor(
    private readonly definitions: WorkflowDefinitionRepository,
    private readonly runs: WorkflowRunRepository,
    private readonly schemas: JsonSchemaValidator,
    private readonly changes: RunChanges,
    private readonly admission: RunAdmission,
    private readonly clock: Clock,
  ) {}

  async execute(command: StartRunCommand): Promise<RunStarted> {
    const { workflowId, idempotencyKey } = command;
    const earlier = idempotencyKey && (await this.runs.findIdByIdempotencyKey(workflowId, idempotencyKey));
    if (earlier) return { runId: earlier, created: false };
    const pinned = await pinVersion(this.definitions, workflowId, command.version);
    const params = resolveRunParams(pinned.spec, command.params, this.schemas);
    const now = this.clock.now();
    const run = WorkflowRun.create(pinned, params, command.trigger, now, command.actorId);
    const policy = await this.admission.policyOf(workflowId);
    try {
      if (policy.isUnlimited) await this.changes.create(run, run.start(now), idempotencyKey);
      else await this.admission.admit(run, policy, idempotencyKey);
    } catch (error) {
      // Lost the race to a concurrent request with the same key: its run is the answer.
      if (!(error instanceof IdempotencyKeyTaken)) throw error;
      return { runId: (await this.runs.findIdByIdempotencyKey(workflowId, error.key))!, created: false };
    }
    return { runId: run.id, created: true };
  }
}
