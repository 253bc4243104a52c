import { ApiProperty } from '@nestjs/swagger';
import type { PipelineWithVersion } from '../../../application/create-pipeline/create-pipeline.command.js';
import type { Pipeline, PipelineVersion } from '../../../domain/pipeline/pipeline.js';

export class PipelineVersionResponse {
  @ApiProperty({ format: 'uuid' }) pipelineId!: string;
  @ApiProperty({ minimum: 1 }) number!: number;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The steps, as checked and stored' })
  definition!: Record<string, unknown>;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static of(version: PipelineVersion): PipelineVersionResponse {
    return Object.assign(new PipelineVersionResponse(), {
      pipelineId: version.pipelineId,
      number: version.number,
      definition: { steps: version.definition.steps },
      createdBy: version.createdBy,
      createdAt: version.createdAt.toISOString(),
    });
  }
}

export class PipelineSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ minimum: 1 }) latestVersion!: number;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static of(pipeline: Pipeline): PipelineSummaryResponse {
    const state = pipeline.snapshot;
    return Object.assign(new PipelineSummaryResponse(), {
      id: state.id,
      projectId: state.projectId,
      name: state.name,
      description: state.description,
      latestVersion: state.latestVersion,
      createdBy: state.createdBy,
      createdAt: state.createdAt.toISOString(),
      updatedAt: state.updatedAt.toISOString(),
    });
  }
}

/** A pipeline with one of its versions: the one just made, or the latest. */
export class PipelineResponse extends PipelineSummaryResponse {
  @ApiProperty({ type: PipelineVersionResponse }) version!: PipelineVersionResponse;

  static ofVersion({ pipeline, version }: PipelineWithVersion): PipelineResponse {
    return Object.assign(new PipelineResponse(), PipelineSummaryResponse.of(pipeline), {
      version: PipelineVersionResponse.of(version),
    });
  }
}

export class PipelineListResponse {
  @ApiProperty({ type: [PipelineSummaryResponse] }) items!: PipelineSummaryResponse[];

  static of(pipelines: readonly Pipeline[]): PipelineListResponse {
    return { items: pipelines.map((pipeline) => PipelineSummaryResponse.of(pipeline)) };
  }
}
