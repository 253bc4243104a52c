import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BATCH_STATUSES, type BatchPrediction, type BatchStatus } from '../../../domain/batch/batch-prediction.js';

export class BatchPredictionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Null for a bare model version' })
  deploymentId!: string | null;
  @ApiProperty({ nullable: true, type: String }) variant!: string | null;
  @ApiProperty({ format: 'uuid', description: 'The model version that predicts every row' }) modelVersionId!: string;
  @ApiProperty({ format: 'uuid' }) inputVersionId!: string;
  @ApiProperty({ format: 'uuid' }) outputDatasetId!: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) outputVersionId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) columns!: Record<string, unknown>;
  @ApiProperty({ enum: BATCH_STATUSES }) status!: BatchStatus;
  @ApiProperty() chunkSize!: number;
  @ApiProperty() totalRows!: number;
  @ApiProperty() chunksDone!: number;
  @ApiProperty() rowsDone!: number;
  @ApiPropertyOptional({ nullable: true, type: String }) error!: string | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) finishedAt!: string | null;

  static of(job: BatchPrediction): BatchPredictionResponse {
    const state = job.snapshot;
    return {
      id: state.id,
      projectId: state.projectId,
      deploymentId: state.deploymentId,
      variant: state.variant,
      modelVersionId: state.modelVersionId,
      inputVersionId: state.inputVersionId,
      outputDatasetId: state.outputDatasetId,
      outputVersionId: state.outputVersionId,
      columns: { ...state.columns },
      status: state.status,
      chunkSize: state.chunkSize,
      totalRows: state.totalRows,
      chunksDone: state.chunksDone,
      rowsDone: state.rowsDone,
      error: state.error,
      createdBy: state.createdBy,
      createdAt: state.createdAt.toISOString(),
      updatedAt: state.updatedAt.toISOString(),
      finishedAt: state.finishedAt?.toISOString() ?? null,
    };
  }
}

export class BatchPredictionListResponse {
  @ApiProperty({ type: [BatchPredictionResponse] }) items!: BatchPredictionResponse[];

  static of(jobs: readonly BatchPrediction[]): BatchPredictionListResponse {
    return { items: jobs.map((job) => BatchPredictionResponse.of(job)) };
  }
}
