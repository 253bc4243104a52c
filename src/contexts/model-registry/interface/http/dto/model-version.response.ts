import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ModelVersion } from '../../../domain/version/model-version.js';
import type { VersionPage } from '../../../domain/version/model-version.repository.js';
import { MODEL_VERSION_STATUSES, type ModelVersionStatus } from '../../../domain/version/model-version-status.js';

export class ArtifactResponse {
  @ApiProperty() sizeBytes!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty() contentType!: string;
  @ApiProperty({ format: 'uuid' }) uploadedBy!: string;
  @ApiProperty({ format: 'date-time' }) uploadedAt!: string;
}

export class VersionReviewResponse {
  @ApiProperty({ enum: ['Approved', 'Rejected'] }) decision!: string;
  @ApiProperty() comment!: string;
  @ApiProperty({ format: 'uuid' }) decidedBy!: string;
  @ApiProperty({ format: 'date-time' }) decidedAt!: string;
}

export class TrainingDatasetResponse {
  @ApiProperty({ format: 'uuid' }) datasetVersionId!: string;
  @ApiPropertyOptional() name?: string;
}

export class ModelVersionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) modelId!: string;
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty() number!: number;
  @ApiProperty() framework!: string;
  @ApiProperty() signature!: object;
  @ApiProperty() params!: object;
  @ApiProperty() metrics!: object;
  @ApiProperty() tags!: object;
  @ApiProperty() description!: string;
  @ApiPropertyOptional() source!: object | null;
  @ApiProperty({ type: [TrainingDatasetResponse] }) trainingDatasets!: TrainingDatasetResponse[];
  @ApiProperty({ enum: MODEL_VERSION_STATUSES }) status!: ModelVersionStatus;
  @ApiPropertyOptional({ type: ArtifactResponse, nullable: true }) artifact!: ArtifactResponse | null;
  @ApiProperty({ type: [VersionReviewResponse] }) approvals!: VersionReviewResponse[];
  @ApiPropertyOptional({ nullable: true, description: 'The SageMaker endpoint variant serving it' }) sagemaker!:
    object | null;
  @ApiProperty({ format: 'uuid' }) registeredBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty() version!: number;

  /** An allow-list: the object key stays inside the registry. */
  static of(model: ModelVersion): ModelVersionResponse {
    const state = model.snapshot;
    const artifact = state.artifact;
    return {
      id: state.id,
      modelId: state.modelId,
      projectId: state.projectId,
      number: state.number,
      framework: state.framework,
      signature: state.signature,
      params: state.params,
      metrics: state.metrics,
      tags: state.tags,
      description: state.description,
      source: state.source ?? null,
      trainingDatasets: [...state.trainingDatasets],
      status: state.status,
      artifact: artifact
        ? {
            sizeBytes: artifact.sizeBytes,
            sha256: artifact.sha256,
            contentType: artifact.contentType,
            uploadedBy: artifact.uploadedBy,
            uploadedAt: artifact.uploadedAt.toISOString(),
          }
        : null,
      approvals: state.approvals.map((decision) => ({ ...decision, decidedAt: decision.decidedAt.toISOString() })),
      sagemaker: state.serving ?? null,
      registeredBy: state.registeredBy,
      createdAt: state.createdAt.toISOString(),
      updatedAt: state.updatedAt.toISOString(),
      version: model.version,
    };
  }
}

export class ModelVersionPageResponse {
  @ApiProperty({ type: [ModelVersionResponse] }) items!: ModelVersionResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;

  static of(page: VersionPage): ModelVersionPageResponse {
    return { items: page.items.map((version) => ModelVersionResponse.of(version)), nextCursor: page.nextCursor };
  }
}
