import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ModelVersion } from '../../../domain/version/model-version.js';
import type { VersionPage } from '../../../domain/version/model-version.repository.js';
import { MODEL_VERSION_STATUSES, type ModelVersionStatus } from '../../../domain/version/model-version-status.js';
import { TENSOR_DATATYPES, type TensorDatatype, type TensorSpec } from '../../../domain/version/signature.js';
import { PARAM_VALUE_SCHEMA } from '../../param-value.schema.js';

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

export class TensorSpecResponse {
  @ApiProperty() name!: string;
  @ApiProperty({ enum: TENSOR_DATATYPES }) datatype!: TensorDatatype;
  @ApiProperty({ type: [Number], description: '-1 for a variable dimension' }) shape!: number[];
}

export class SignatureResponse {
  @ApiProperty({ type: [TensorSpecResponse] }) inputs!: TensorSpecResponse[];
  @ApiProperty({ type: [TensorSpecResponse], description: 'Empty only when no signature was given' })
  outputs!: TensorSpecResponse[];
}

export class VersionSourceResponse {
  @ApiProperty({ format: 'uuid', description: 'The workflow run that produced the version' }) runId!: string;
  @ApiProperty({ description: 'The task of that run' }) taskId!: string;
  @ApiPropertyOptional({ format: 'uuid' }) workflowId?: string;
}

export class SageMakerServingResponse {
  @ApiProperty() endpointName!: string;
  @ApiProperty() variantName!: string;
  @ApiPropertyOptional({ example: 'eu-west-1' }) region?: string;
}

const tensorOf = ({ name, datatype, shape }: TensorSpec): TensorSpecResponse => ({ name, datatype, shape: [...shape] });

export class ModelVersionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) modelId!: string;
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty() number!: number;
  @ApiProperty() framework!: string;
  @ApiProperty({ type: SignatureResponse, description: "Inputs and outputs in the Open Inference Protocol's terms" })
  signature!: SignatureResponse;
  @ApiProperty({ type: 'object', additionalProperties: PARAM_VALUE_SCHEMA, example: { maxDepth: 6 } })
  params!: Record<string, string | number | boolean>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, example: { auc: 0.93 } })
  metrics!: Record<string, number>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { stage: 'nightly' } })
  tags!: Record<string, string>;
  @ApiProperty() description!: string;
  @ApiProperty({ type: VersionSourceResponse, nullable: true, description: 'The run and task that produced it' })
  source!: VersionSourceResponse | null;
  @ApiProperty({ type: [TrainingDatasetResponse] }) trainingDatasets!: TrainingDatasetResponse[];
  @ApiProperty({ enum: MODEL_VERSION_STATUSES }) status!: ModelVersionStatus;
  @ApiProperty({ type: ArtifactResponse, nullable: true, description: 'Null until an artifact is uploaded' })
  artifact!: ArtifactResponse | null;
  @ApiProperty({ type: [VersionReviewResponse] }) approvals!: VersionReviewResponse[];
  @ApiProperty({
    type: SageMakerServingResponse,
    nullable: true,
    description: 'The SageMaker endpoint variant serving it',
  })
  sagemaker!: SageMakerServingResponse | null;
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
      signature: { inputs: state.signature.inputs.map(tensorOf), outputs: state.signature.outputs.map(tensorOf) },
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
