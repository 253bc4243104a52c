import { Injectable } from '@nestjs/common';
import { NotFoundError, ValidationError } from '@libs/ddd';
import type { TaskAssignment } from '@contexts/workflow-engine';
import { GetPipelineHandler } from '../../application/get-pipeline/get-pipeline.handler.js';
import { GetPipelineRunHandler } from '../../application/get-pipeline-run/get-pipeline-run.handler.js';
import { StartPipelineRunHandler } from '../../application/start-pipeline-run/start-pipeline-run.handler.js';
import { reachesBlockOn, type BlockOn } from '../../domain/checks/blocking.js';
import type { CheckStatus } from '../../domain/checks/check-result.js';
import { durationMs } from '../../domain/freshness/duration.js';
import type { PipelineRun, StepProgress } from '../../domain/pipeline/pipeline-run.js';
import type { DataTaskOutcome, PipelineWait } from './data-task-outcome.js';

/** The params of a `data.run-pipeline` task, rendered and checked against its schema by the engine. */
export interface RunPipelineParams {
  readonly pipelineId: string;
  /** The version to run; the latest when absent. */
  readonly version?: number;
  readonly blockOn?: BlockOn;
  readonly pollInterval?: string;
}

const DEFAULT_POLL_MS = 2_000;
/** Looks closer together than this would load the database for no one's benefit. */
const MIN_POLL_MS = 200;

/**
 * Runs a pipeline of the task's project: queues a pipeline run (keyed by the attempt, so a job handed
 * out again finds the run it queued rather than queueing another), then watches it without holding a
 * worker, as a freshness wait does (docs/adr/0403), and reports its outcome: the loaded versions by
 * step, or the run's error. With blockOn, the run's validate steps may fail the task too; a step that
 * quarantined its failing rows counts as a warning at most, since the rows it let through passed.
 */
@Injectable()
export class RunPipelineTask {
  constructor(
    private readonly pipelines: GetPipelineHandler,
    private readonly starts: StartPipelineRunHandler,
    private readonly runs: GetPipelineRunHandler,
  ) {}

  async begin(assignment: TaskAssignment, actorId: string): Promise<DataTaskOutcome> {
    const params = assignment.params as RunPipelineParams;
    const { pipeline } = await this.pipelines.execute({ pipelineId: params.pipelineId });
    if (pipeline.projectId !== assignment.projectId) throw new NotFoundError('pipeline', params.pipelineId);
    const { run } = await this.starts.execute({
      pipelineId: pipeline.id,
      ...(params.version !== undefined && { version: params.version }),
      idempotencyKey: `${assignment.runId}/${assignment.key}/${assignment.attempt}`,
      actorId,
    });
    const blockOn = params.blockOn ?? 'error';
    const wait: PipelineWait = {
      kind: 'pipeline-run',
      projectId: assignment.projectId,
      pipelineRunId: run.id,
      pollMs: pollMsOf(params.pollInterval),
      ...(blockOn !== 'none' && { blockOn }),
    };
    const outcome = await this.look(wait);
    if (outcome.kind === 'succeeded') return outcome;
    const line = `pipeline ${pipeline.id} run ${run.id} (version ${run.snapshot.pipelineVersion}) queued`;
    return { ...outcome, log: [line, ...(outcome.log ?? [])] };
  }

  async look(wait: PipelineWait): Promise<DataTaskOutcome> {
    const run = await this.runs.execute({ runId: wait.pipelineRunId });
    if (!run.ended) return { kind: 'waiting', until: Date.now() + wait.pollMs, wait };
    if (run.status !== 'succeeded') {
      const error = `pipeline run ${run.id} ${run.status}${run.snapshot.error ? `: ${run.snapshot.error}` : ''}`;
      return { kind: 'failed', error };
    }
    const blocking = wait.blockOn === undefined ? [] : blockingSteps(run, wait.blockOn);
    if (blocking.length > 0) {
      const named = blocking.map((step) => `step "${step.name}" ${step.checkStatus} (check run ${step.checkRunId})`);
      const error = `pipeline run ${run.id} succeeded but is blocked (blockOn: ${wait.blockOn}) by ${named.join('; ')}`;
      return { kind: 'failed', error, log: named.map((line) => `blocked by ${line}`) };
    }
    return { kind: 'succeeded', outputs: outputsOf(run) };
  }
}

function pollMsOf(text: string | undefined): number {
  if (text === undefined) return DEFAULT_POLL_MS;
  const ms = durationMs(text);
  if (ms === undefined)
    throw new ValidationError('Invalid duration', [{ field: 'pollInterval', message: 'must be like 2s or PT2S' }]);
  return Math.max(MIN_POLL_MS, ms);
}

function blockingSteps(run: PipelineRun, blockOn: BlockOn): StepProgress[] {
  return run.snapshot.steps.filter((step) => {
    if (step.checkStatus === undefined) return false;
    const judged: CheckStatus =
      step.quarantinedRows !== undefined && step.checkStatus === 'fail' ? 'warn' : step.checkStatus;
    return reachesBlockOn(judged, blockOn);
  });
}

/** What downstream tasks read: `loaded.<step>` and `quarantined.<step>` give a dataset and version id. */
function outputsOf(run: PipelineRun): Readonly<Record<string, unknown>> {
  const byRole = (role: 'output' | 'quarantine') =>
    Object.fromEntries(
      run.snapshot.outputs
        .filter((output) => output.role === role)
        .map(({ step, datasetId, versionId }) => [step, { datasetId, versionId }]),
    );
  const checkRunIds = run.snapshot.steps.flatMap((step) => (step.checkRunId === undefined ? [] : [step.checkRunId]));
  return {
    pipelineRunId: run.id,
    pipelineVersion: run.snapshot.pipelineVersion,
    loaded: byRole('output'),
    quarantined: byRole('quarantine'),
    checkRunIds,
  };
}
