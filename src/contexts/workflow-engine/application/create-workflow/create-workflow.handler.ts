import { ConflictError } from '@libs/ddd';
import { Injectable } from '@nestjs/common';
import { WorkflowDefinitionRepository } from '../../domain/definition/workflow-definition.repository.js';
import { WorkflowDefinition } from '../../domain/definition/workflow-definition.js';
import { DefinitionValidation } from '../services/definition-validation.js';
import { Clock } from '../ports/clock.js';
import { WorkflowActivation } from '../services/workflow-activation.js';
import type { CreateWorkflowCommand, WorkflowVersionCreated } from './create-workflow.command.js';

/** Stores a valid definition as version 1 of a new workflow in the project, with its schedule and triggers. */
@Injectable()
export class CreateWorkflowHandler {
  constructor(
    private readonly validation: DefinitionValidation,
    private readonly definitions: WorkflowDefinitionRepository,
    private readonly activation: WorkflowActivation,
    private readonly clock: Clock,
  ) {}

  async execute(command: CreateWorkflowCommand): Promise<WorkflowVersionCreated> {
    const spec = this.validation.validate(command.body);
    if (await this.definitions.existsWithName(command.projectId, spec.name)) {
      throw new ConflictError(`a workflow named '${spec.name}' already exists in this project`, 'workflow-name-taken');
    }
    const now = this.clock.now();
    const definition = WorkflowDefinition.create(command.projectId, spec, now, command.author);
    await this.activation.save(definition, now);
    return { workflowId: definition.id, version: definition.latest.number };
  }
}
