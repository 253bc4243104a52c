import { ConcurrencyError, NotFoundError } from '@libs/ddd';
import { Injectable } from '@nestjs/common';
import { WorkflowDefinitionRepository } from '../../domain/definition/workflow-definition.repository.js';
import type { WorkflowVersionCreated } from '../create-workflow/create-workflow.command.js';
import { DefinitionValidation } from '../definition-validation.js';
import { Clock } from '../ports/clock.js';
import type { UpdateWorkflowCommand } from './update-workflow.command.js';

/** Adds version N+1 of a workflow; runs already pinned to earlier versions keep them. */
@Injectable()
export class UpdateWorkflowHandler {
  constructor(
    private readonly validation: DefinitionValidation,
    private readonly definitions: WorkflowDefinitionRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: UpdateWorkflowCommand): Promise<WorkflowVersionCreated> {
    const definition = await this.definitions.findById(command.workflowId);
    if (definition === undefined) throw new NotFoundError('workflow', command.workflowId);
    if (command.expectedVersion !== undefined && command.expectedVersion !== definition.version) {
      throw new ConcurrencyError('workflow', command.workflowId);
    }
    const version = definition.update(this.validation.validate(command.body), this.clock.now(), command.author);
    await this.definitions.save(definition);
    return { workflowId: definition.id, version: version.number };
  }
}
