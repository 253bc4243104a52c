import { NotFoundError } from '@libs/ddd';
import { Injectable } from '@nestjs/common';
import { WorkflowDefinitionRepository } from '../../domain/definition/workflow-definition.repository.js';
import type { WorkflowVersion } from '../../domain/definition/workflow-version.js';
import type { GetWorkflowVersionQuery } from './get-workflow-version.query.js';

/** One immutable version of a workflow, the latest or an earlier one. */
@Injectable()
export class GetWorkflowVersionHandler {
  constructor(private readonly definitions: WorkflowDefinitionRepository) {}

  async execute({ workflowId, version }: GetWorkflowVersionQuery): Promise<WorkflowVersion> {
    const found = await this.definitions.findVersion(workflowId, version);
    if (found === undefined) throw new NotFoundError('workflow version', `${workflowId}@${version}`);
    return found;
  }
}
