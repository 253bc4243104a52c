import { ConcurrencyError, NotFoundError } from '@libs/ddd';
import { Injectable } from '@nestjs/common';
import { WorkflowDefinitionRepository } from '../../domain/definition/workflow-definition.repository.js';
import type { WorkflowVersionCreated } from '../create-workflow/create-workflow.command.js';
import { DefinitionValidation } from '../services/definition-validation.js';
import { Clock } from '../ports/clock.js';
import { WorkflowActivation } from '../services/workflow-activation.js';
import type { UpdateWorkflowCommand } from './update-workflow.command.js';

/**
 * Adds version N+1 of a workflow; runs already pinned to earlier versions keep them. Its schedule
 * and triggers replace the previous version's.
 */
@Injectable()
export class UpdateWorkflowHandler {
  constructor(
    private readonly validation: DefinitionValidation,
    private readonly definitions: WorkflowDefinitionRepository,
    private readonly activation: WorkflowActivation,
    private readonly clock: Clock,
  ) {}

  async execute(command: UpdateWorkflowCommand): Promise<WorkflowVersionCreated> {
    const definition = await this.definitions.findById(command.workflowId);
    if (definition === undefined) throw new NotFoundError('workflow', command.workflowId);
    if (command.expectedVersion !== undefined && command.expectedVersion !== definition.version) {
      throw new ConcurrencyError('workflow', command.workflowId);
    }
    const now = this.clock.now();
    const version = definition.update(this.validation.validate(command.body), now, command.author);
    await this.activation.save(definition, now);
    return { workflowId: definition.id, version: version.number };
  }
}
