import { NotFoundError } from '@libs/ddd';
import { Injectable } from '@nestjs/common';
import { WorkflowDefinitionRepository } from '../../domain/definition/workflow-definition.repository.js';
import type { WorkflowDefinition } from '../../domain/definition/workflow-definition.js';
import type { GetWorkflowQuery } from './get-workflow.query.js';

/** A workflow with its latest version. */
@Injectable()
export class GetWorkflowHandler {
  constructor(private readonly definitions: WorkflowDefinitionRepository) {}

  async execute({ workflowId }: GetWorkflowQuery): Promise<WorkflowDefinition> {
    const definition = await this.definitions.findById(workflowId);
    if (definition === undefined) throw new NotFoundError('workflow', workflowId);
    return definition;
  }
}
