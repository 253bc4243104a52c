import { NotFoundError } from '@libs/ddd';
import { Injectable } from '@nestjs/common';
import { WorkflowDefinitionRepository } from '../../domain/definition/workflow-definition.repository.js';
import { Clock } from '../ports/clock.js';
import type { PauseWorkflowCommand } from './pause-workflow.command.js';

/**
 * Pauses or unpauses a workflow. Asking for the state it is in changes nothing, not even its version,
 * so a client may repeat the call. Runs in progress are not touched: pausing a run is its own command.
 */
@Injectable()
export class PauseWorkflowHandler {
  constructor(
    private readonly definitions: WorkflowDefinitionRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ workflowId, paused }: PauseWorkflowCommand): Promise<void> {
    const definition = await this.definitions.findById(workflowId);
    if (definition === undefined) throw new NotFoundError('workflow', workflowId);
    if (definition.setPaused(paused, this.clock.now())) await this.definitions.save(definition);
  }
}
