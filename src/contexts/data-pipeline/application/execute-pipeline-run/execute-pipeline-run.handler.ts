import { Injectable } from '@nestjs/common';
import { DomainError } from '@libs/ddd';
import type { TableFile } from '../ports/query-engine.js';
import { PipelineRepository } from '../../domain/pipeline/pipeline.repository.js';
import type { PipelineRun } from '../../domain/pipeline/pipeline-run.js';
import { PipelineWorkspaces } from '../ports/pipeline-workspaces.js';
import { PipelineRunProgress } from '../services/pipeline-run-progress.js';
import { PipelineStepRunner } from '../services/pipeline-step-runner.js';
import { requirePipeline, requirePipelineVersion } from '../services/pipeline-lookups.js';
import type { ExecutePipelineRunCommand } from './execute-pipeline-run.command.js';

/**
 * Carries out one attempt of a run on a worker: each step in order, its progress recorded as it
 * goes, stopping at a cancel between steps. A step the data refuses (a failed check, a missing
 * column) fails the run with its reason; an error of the platform (the store or database down) is
 * thrown for the queue to try the job again, and the run resumes from its record: steps run again,
 * what they recorded (check runs, loaded versions) is not recorded twice.
 */
@Injectable()
export class ExecutePipelineRunHandler {
  constructor(
    private readonly pipelines: PipelineRepository,
    private readonly progress: PipelineRunProgress,
    private readonly steps: PipelineStepRunner,
    private readonly workspaces: PipelineWorkspaces,
  ) {}

  async execute(command: ExecutePipelineRunCommand): Promise<void> {
    const { runId } = command;
    const queued = await this.progress.peek(runId);
    if (!queued) return;
    const pipeline = await requirePipeline(this.pipelines, queued.snapshot.pipelineId);
    const run = await this.progress.begin(runId, command.attempt, pipeline.snapshot.name);
    if (!run) return;
    const version = await requirePipelineVersion(this.pipelines, pipeline.id, run.snapshot.pipelineVersion);
    const workspace = await this.workspaces.open(runId);
    let current = '';
    try {
      const tables = new Map<string, TableFile>();
      for (const step of version.definition.steps) {
        if (await this.progress.stopped(runId)) return;
        current = step.name;
        await this.progress.updateStep(runId, step.name, { status: 'running', startedAt: new Date().toISOString() });
        const recorded = (await this.progress.current(runId)).step(step.name);
        const outcome = await this.steps.run(step, { run: run.snapshot, workspace, tables, recorded });
        if (outcome.table) tables.set(step.name, outcome.table);
        const finished = { ...outcome.change, status: 'succeeded' as const, finishedAt: new Date().toISOString() };
        await this.progress.updateStep(runId, step.name, finished, { consumed: outcome.consumed });
      }
      await this.progress.succeed(runId);
    } catch (error) {
      await this.failed(run, current, error, command.lastTry);
    } finally {
      await workspace.remove();
    }
  }

  private async failed(run: PipelineRun, step: string, error: unknown, lastTry: boolean): Promise<void> {
    const refused = error instanceof DomainError && error.kind !== 'unavailable';
    if (refused) return this.progress.fail(run.id, `step ${step}: ${describe(error)}`);
    if (lastTry) await this.progress.fail(run.id, 'the run could not be carried out: the platform failed on every try');
    throw error;
  }
}

/** The problem's detail with its field errors, as a person reading the run needs them. */
function describe(error: DomainError): string {
  const fields = (error.errors ?? [])
    .filter((problem) => problem.field !== 'step')
    .map((problem) => `${problem.field}: ${problem.message}`);
  return [error.message, ...fields].join('; ');
}
