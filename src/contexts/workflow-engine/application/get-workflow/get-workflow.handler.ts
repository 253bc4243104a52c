import { NotFoundError } from '@libs/ddd';
import { Injectable } from '@nestjs/common';
import { WorkflowDefinitionRepository } from '../../domain/definition/workflow-definition.repository.js';
import type { WorkflowDefinition } from '../../domain/definition/workflow-definition.js';
import type { WorkflowVersion } from '../../domain/definition/workflow-version.js';

/** A workflow with its latest version, or one of its earlier versions. */
@Injectable()
export class GetWorkflowHandler {
  constructor(private readonly definitions: WorkflowDefinitionRepository) {}

  async workflow(workflowId: string): Promise<WorkflowDefinition> {
    const definition = await this.definitions.findById(workflowId);
    if (definition === undefined) throw new NotFoundError('workflow', workflowId);
    return definition;
  }

  async version(workflowId: string, number: number): Promise<WorkflowVersion> {
    const version = await this.definitions.findVersion(workflowId, number);
    if (version === undefined) throw new NotFoundError('workflow version', `${workflowId}@${number}`);
    return version;
  }
}
