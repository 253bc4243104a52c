import { ApiProperty } from '@nestjs/swagger';
import type { DefinitionDocument } from '../../../domain/definition/definition-document.js';
import type { WorkflowDefinition } from '../../../domain/definition/workflow-definition.js';
import type { WorkflowVersion } from '../../../domain/definition/workflow-version.js';
import { WORKFLOW_DEFINITION_SCHEMA_REF } from '../openapi/workflow-definition-schemas.js';

/** What a workflow's answer shows of a version, as the version's own answer does. */
abstract class VersionFields {
  @ApiProperty({ format: 'uuid' }) readonly workflowId!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) readonly version!: number;
  @ApiProperty() readonly name!: string;
  @ApiProperty({ format: 'date-time' }) readonly createdAt!: string;
  @ApiProperty({ allOf: [{ $ref: WORKFLOW_DEFINITION_SCHEMA_REF }], description: 'The definition as it was sent' })
  readonly definition!: DefinitionDocument;
}

export class WorkflowVersionResponse extends VersionFields {
  static of(version: WorkflowVersion): WorkflowVersionResponse {
    return {
      workflowId: version.workflowId,
      version: version.number,
      name: version.spec.name,
      createdAt: version.createdAt.toISOString(),
      definition: version.spec.document,
    };
  }
}

export class WorkflowResponse extends VersionFields {
  @ApiProperty({ format: 'uuid' }) readonly id!: string;
  @ApiProperty({ format: 'uuid' }) readonly projectId!: string;
  @ApiProperty({ description: 'Whether schedules and triggers are paused' }) readonly paused!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Since when they are paused' })
  readonly pausedAt!: string | null;

  static of(definition: WorkflowDefinition): WorkflowResponse {
    return {
      id: definition.id,
      projectId: definition.projectId,
      ...WorkflowVersionResponse.of(definition.latest),
      paused: definition.pausedAt !== undefined,
      pausedAt: definition.pausedAt?.toISOString() ?? null,
    };
  }
}
