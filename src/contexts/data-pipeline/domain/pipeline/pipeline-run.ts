import { ConflictError, newId } from '@libs/ddd';
import type { PipelineVersion } from './pipeline.js';
import type { PipelineStep, PipelineStepKind } from './pipeline-definition.js';

export const PIPELINE_RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type PipelineRunStatus = (typeof PIPELINE_RUN_STATUSES)[number];
export type StepStatus = 'pending' | 'running' | 'succeeded' | 'failed' | 'skipped';

/** What a step did: rows out, and what it recorded (so a step re-run after a crash records nothing twice). */
export interface StepProgress {
  readonly name: string;
  readonly kind: PipelineStepKind;
  readonly status: StepStatus;
  readonly rowCount?: number;
  readonly checkRunId?: string;
  readonly checkStatus?: 'pass' | 'warn' | 'fail';
  readonly quarantinedRows?: number;
  /** The version a load step loaded, or the quarantine version of a validate step. */
  readonly versionId?: string;
  readonly startedAt?: string;
  readonly finishedAt?: string;
}

/** A dataset version the run produced: a load's output, or a validate step's quarantined rows. */
export interface RunOutput {
  readonly step: string;
  readonly role: 'output' | 'quarantine';
  readonly datasetId: string;
  readonly versionId: string;
}

export interface PipelineRunState {
  readonly id: string;
  readonly projectId: string;
  readonly pipelineId: string;
  readonly pipelineVersion: number;
  readonly status: PipelineRunStatus;
  /** Counts the times the run was queued: a retry starts attempt 2, with its own queue job. */
  readonly attempt: number;
  readonly steps: readonly StepProgress[];
  readonly outputs: readonly RunOutput[];
  readonly error?: string;
  readonly actorId: string;
  readonly idempotencyKey?: string;
  readonly createdAt: Date;
  readonly startedAt?: Date;
  readonly finishedAt?: Date;
}

const ENDED: readonly PipelineRunStatus[] = ['succeeded', 'failed', 'cancelled'];

/**
 * A run of one pipeline version: queued, then running on a worker, then succeeded, failed or
 * cancelled. The record is the truth a worker resumes from after a crash: the steps it finished
 * recorded what they made, and only they.
 */
export class PipelineRun {
  private constructor(private state: PipelineRunState) {}

  static queue(input: {
    version: PipelineVersion;
    projectId: string;
    actorId: string;
    idempotencyKey?: string;
    at: Date;
  }): PipelineRun {
    return new PipelineRun({
      id: newId(),
      projectId: input.projectId,
      pipelineId: input.version.pipelineId,
      pipelineVersion: input.version.number,
      status: 'queued',
      attempt: 1,
      steps: pendingSteps(input.version.definition.steps),
      outputs: [],
      actorId: input.actorId,
      ...(input.idempotencyKey !== undefined && { idempotencyKey: input.idempotencyKey }),
      createdAt: input.at,
    });
  }

  static restore(state: PipelineRunState): PipelineRun {
    return new PipelineRun(state);
  }

  get snapshot(): PipelineRunState {
    return this.state;
  }

  get id(): string {
    return this.state.id;
  }

  get status(): PipelineRunStatus {
    return this.state.status;
  }

  get ended(): boolean {
    return ENDED.includes(this.state.status);
  }

  step(name: string): StepProgress {
    const step = this.state.steps.find((candidate) => candidate.name === name);
    if (!step) throw new Error(`Run ${this.id} has no step ${name}`);
    return step;
  }

  /** A worker takes the run; answers false when it was already running (a resumed run announces no second start). */
  start(at: Date): boolean {
    if (this.state.status === 'running') return false;
    this.requireStatus(['queued'], 'start');
    this.state = { ...this.state, status: 'running', startedAt: at };
    return true;
  }

  updateStep(name: string, change: Partial<Omit<StepProgress, 'name' | 'kind'>>): void {
    this.step(name);
    this.state = {
      ...this.state,
      steps: this.state.steps.map((step) => (step.name === name ? { ...step, ...change } : step)),
    };
  }

  /** Records a produced version once, whichever attempt of a step reports it. */
  addOutput(output: RunOutput): void {
    if (this.state.outputs.some((known) => known.versionId === output.versionId)) return;
    this.state = { ...this.state, outputs: [...this.state.outputs, output] };
  }

  succeed(at: Date): void {
    this.requireStatus(['running'], 'succeed');
    this.state = { ...this.state, status: 'succeeded', finishedAt: at };
  }

  fail(error: string, at: Date): void {
    this.requireStatus(['queued', 'running'], 'fail');
    // The step that was running is the one that failed; the ones after it never ran.
    const steps = this.state.steps.map((step) => {
      if (step.status === 'pending') return { ...step, status: 'skipped' as const };
      return step.status === 'running' ? { ...step, status: 'failed' as const } : step;
    });
    this.state = { ...this.state, status: 'failed', error, steps, finishedAt: at };
  }

  cancel(at: Date): void {
    this.requireStatus(['queued', 'running'], 'cancel');
    const steps = this.state.steps.map((step) =>
      step.status === 'pending' || step.status === 'running' ? { ...step, status: 'skipped' as const } : step,
    );
    this.state = { ...this.state, status: 'cancelled', steps, finishedAt: at };
  }

  /** Queues a failed or cancelled run again, from its first step; versions an earlier attempt loaded stay in the lineage graph. */
  retry(steps: readonly PipelineStep[]): void {
    this.requireStatus(['failed', 'cancelled'], 'retry');
    const { error: _error, startedAt: _started, finishedAt: _finished, ...rest } = this.state;
    this.state = {
      ...rest,
      status: 'queued',
      attempt: this.state.attempt + 1,
      steps: pendingSteps(steps),
      outputs: [],
    };
  }

  private requireStatus(allowed: readonly PipelineRunStatus[], action: string): void {
    if (!allowed.includes(this.state.status))
      throw new ConflictError(`A ${this.state.status} pipeline run cannot ${action}`, 'pipeline-run-state-conflict');
  }
}

function pendingSteps(steps: readonly PipelineStep[]): StepProgress[] {
  return steps.map((step) => ({ name: step.name, kind: step.kind, status: 'pending' }));
}
