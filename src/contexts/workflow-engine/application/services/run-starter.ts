import { Injectable } from '@nestjs/common';
import { JsonSchemaValidator } from '../../domain/definition/json-schema.validator.js';
import { resolveRunParams } from '../../domain/definition/run-params.js';
import { WorkflowDefinitionRepository } from '../../domain/definition/workflow-definition.repository.js';
import { IdempotencyKeyReused, IdempotencyKeyTaken, WorkflowParamsInvalid } from '../../domain/errors.js';
import { sameJson, type JsonObject, type JsonValue } from '../../domain/json-value.js';
import { WorkflowRunRepository } from '../../domain/run/workflow-run.repository.js';
import { WorkflowRun } from '../../domain/run/workflow-run.js';
import { Clock } from '../ports/clock.js';
import { pinVersion } from './pinned-version.js';
import { RunAdmission } from './run-admission.js';

/** A run to start, by hand, by a schedule, an event, a backfill or a parent task. */
export interface RunRequest {
  readonly workflowId: string;
  readonly params: JsonObject;
  /** Defaults to the latest version. */
  readonly version?: number;
  /** The same key for the same workflow answers the run the first request made. */
  readonly idempotencyKey?: string;
  /** What started the run: null by hand. */
  readonly trigger: JsonValue;
  /** The user starting the run; schedules and triggers leave it to the version's author. */
  readonly actorId?: string;
}

export interface RunStarted {
  readonly runId: string;
  /** False when an earlier request with the same idempotency key made the run. */
  readonly created: boolean;
}

/**
 * Starts a run of a workflow version with checked params, through the workflow's concurrency policy
 * (RunAdmission); its first tasks are enqueued after the commit. Every way a run starts goes here.
 */
@Injectable()
export class RunStarter {
  constructor(
    private readonly definitions: WorkflowDefinitionRepository,
    private readonly runs: WorkflowRunRepository,
    private readonly schemas: JsonSchemaValidator,
    private readonly admission: RunAdmission,
    private readonly clock: Clock,
  ) {}

  async start(request: RunRequest): Promise<RunStarted> {
    const { workflowId, idempotencyKey } = request;
    const earlier = idempotencyKey && (await this.runs.findIdByIdempotencyKey(workflowId, idempotencyKey));
    if (earlier) return this.earlierRun(earlier, idempotencyKey, request);
    const pinned = await pinVersion(this.definitions, workflowId, request.version);
    const params = resolveRunParams(pinned.spec, request.params, this.schemas);
    const run = WorkflowRun.create(pinned, params, request.trigger, this.clock.now(), request.actorId);
    try {
      await this.admission.admit(run, idempotencyKey);
    } catch (error) {
      // Lost the race to a concurrent request with the same key: its run is the answer.
      if (!(error instanceof IdempotencyKeyTaken)) throw error;
      const winner = (await this.runs.findIdByIdempotencyKey(workflowId, error.key))!;
      return this.earlierRun(winner, error.key, request);
    }
    return { runId: run.id, created: true };
  }

  /** The run an earlier request with the same key started, when this request is that one again. */
  private async earlierRun(runId: string, key: string, request: RunRequest): Promise<RunStarted> {
    const run = await this.runs.findById(runId);
    if (run === undefined || !this.startedBy(run, request)) throw new IdempotencyKeyReused(key, runId);
    return { runId, created: false };
  }

  /** Whether the run has the version and params this request asks for (defaults filled in as then). */
  private startedBy(run: WorkflowRun, request: RunRequest): boolean {
    if (request.version !== undefined && request.version !== run.pinned.version) return false;
    try {
      return sameJson(resolveRunParams(run.pinned.spec, request.params, this.schemas), run.params);
    } catch (error) {
      // Params the run's version refuses cannot be the ones that started it.
      if (error instanceof WorkflowParamsInvalid) return false;
      throw error;
    }
  }
}
