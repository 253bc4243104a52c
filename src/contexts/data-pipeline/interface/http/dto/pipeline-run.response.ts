import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  PIPELINE_RUN_STATUSES,
  type PipelineRun,
  type PipelineRunStatus,
  type RunOutput,
  type StepProgress,
} from '../../../domain/pipeline/pipeline-run.js';

export class StepProgressResponse {
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['extract', 'transform', 'validate', 'load'] }) kind!: string;
  @ApiProperty({ enum: ['pending', 'running', 'succeeded', 'failed', 'skipped'] }) status!: string;
  @ApiPropertyOptional({ description: 'Rows the step passed on (for a load: rows loaded)' }) rowCount?: number;
  @ApiPropertyOptional({ format: 'uuid', description: "A validate step's check run (GET /check-runs/{id})" })
  checkRunId?: string;
  @ApiPropertyOptional({ enum: ['pass', 'warn', 'fail'] }) checkStatus?: string;
  @ApiPropertyOptional() quarantinedRows?: number;
  @ApiPropertyOptional({ format: 'uuid', description: 'The version a load loaded, or a validate step quarantined' })
  versionId?: string;
  @ApiPropertyOptional({ format: 'date-time' }) startedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) finishedAt?: string;

  static of(step: StepProgress): StepProgressResponse {
    return Object.assign(new StepProgressResponse(), { ...step });
  }
}

export class RunOutputResponse {
  @ApiProperty() step!: string;
  @ApiProperty({ enum: ['output', 'quarantine'] }) role!: string;
  @ApiProperty({ format: 'uuid' }) datasetId!: string;
  @ApiProperty({ format: 'uuid' }) versionId!: string;

  static of(output: RunOutput): RunOutputResponse {
    return Object.assign(new RunOutputResponse(), { ...output });
  }
}

export class PipelineRunResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty({ format: 'uuid' }) pipelineId!: string;
  @ApiProperty({ minimum: 1 }) pipelineVersion!: number;
  @ApiProperty({ enum: PIPELINE_RUN_STATUSES }) status!: PipelineRunStatus;
  @ApiProperty({ minimum: 1, description: 'Times the run was queued: a retry is the next attempt' }) attempt!: number;
  @ApiProperty({ type: [StepProgressResponse] }) steps!: StepProgressResponse[];
  @ApiProperty({ type: [RunOutputResponse] }) outputs!: RunOutputResponse[];
  @ApiPropertyOptional({ description: 'Why the run failed' }) error?: string;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) startedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) finishedAt?: string;

  static of(run: PipelineRun): PipelineRunResponse {
    const s = run.snapshot;
    return Object.assign(new PipelineRunResponse(), {
      id: s.id,
      projectId: s.projectId,
      pipelineId: s.pipelineId,
      pipelineVersion: s.pipelineVersion,
      status: s.status,
      attempt: s.attempt,
      steps: s.steps.map((step) => StepProgressResponse.of(step)),
      outputs: s.outputs.map((output) => RunOutputResponse.of(output)),
      ...(s.error !== undefined && { error: s.error }),
      createdBy: s.actorId,
      createdAt: s.createdAt.toISOString(),
      ...(s.startedAt && { startedAt: s.startedAt.toISOString() }),
      ...(s.finishedAt && { finishedAt: s.finishedAt.toISOString() }),
    });
  }
}

export class PipelineRunListResponse {
  @ApiProperty({ type: [PipelineRunResponse] }) items!: PipelineRunResponse[];

  static of(runs: readonly PipelineRun[]): PipelineRunListResponse {
    return { items: runs.map((run) => PipelineRunResponse.of(run)) };
  }
}
