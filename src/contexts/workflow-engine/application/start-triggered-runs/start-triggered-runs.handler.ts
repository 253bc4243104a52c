import { DomainError } from '@libs/ddd';
import { Injectable, Logger } from '@nestjs/common';
import { JsonSchemaValidator } from '../../domain/definition/json-schema.validator.js';
import { resolveRunParams } from '../../domain/definition/run-params.js';
import { WorkflowDefinitionRepository } from '../../domain/definition/workflow-definition.repository.js';
import { eventRunKey, eventTrigger, type EventTrigger } from '../../domain/run/run-trigger.js';
import {
  isAboutItself,
  isStartedBy,
  MAX_TRIGGER_DEPTH,
  mayStartInProject,
  triggerDepthOf,
} from '../../domain/run/trigger-rules.js';
import type { TriggerSubscription } from '../ports/workflow-triggers.js';
import { RunStarter } from '../services/run-starter.js';
import type { StartTriggeredRunsCommand, TriggeredRunIds } from './start-triggered-runs.command.js';

/**
 * Starts a run of every workflow whose latest version triggers on the event: among those subscribed
 * to its type (FindTriggeredWorkflowsHandler), in the event's project (or any project for a
 * project-less event), not the workflow the event is about, with a filter that passes, and not
 * deeper than MAX_TRIGGER_DEPTH in a chain of triggered runs. Each run is keyed `event:<event id>`, so a redelivered event answers the runs it
 * already started. Answers the ids of the runs.
 */
@Injectable()
export class StartTriggeredRunsHandler {
  private readonly logger = new Logger(StartTriggeredRunsHandler.name);

  constructor(
    private readonly definitions: WorkflowDefinitionRepository,
    private readonly schemas: JsonSchemaValidator,
    private readonly starter: RunStarter,
  ) {}

  async execute({ event, subscriptions }: StartTriggeredRunsCommand): Promise<TriggeredRunIds> {
    const trigger = eventTrigger({
      id: event.eventId,
      type: event.type,
      occurredAt: event.occurredAt,
      payload: event.payload,
      depth: triggerDepthOf(event),
    });
    if (subscriptions.length > 0 && trigger.depth > MAX_TRIGGER_DEPTH) {
      this.logger.warn(
        `${trigger.type} ${trigger.id} starts no run: it ends a chain of ${trigger.depth - 1} runs started by events (at most ${MAX_TRIGGER_DEPTH})`,
      );
      return [];
    }
    const runIds: string[] = [];
    for (const subscription of subscriptions) {
      const runId = await this.startIfTriggered(subscription, trigger);
      if (runId !== undefined) runIds.push(runId);
    }
    return runIds;
  }

  private async startIfTriggered(
    { workflowId, projectId }: TriggerSubscription,
    trigger: EventTrigger,
  ): Promise<string | undefined> {
    if (!mayStartInProject(projectId, trigger) || isAboutItself(workflowId, trigger)) return undefined;
    const definition = await this.definitions.findById(workflowId);
    if (definition === undefined) return undefined;
    try {
      const params = resolveRunParams(definition.latest.spec, {}, this.schemas);
      if (!isStartedBy(definition.latest.spec, trigger, params)) return undefined;
      const idempotencyKey = eventRunKey(trigger.id);
      return (await this.starter.start({ workflowId, params: {}, idempotencyKey, trigger })).runId;
    } catch (error) {
      // Refusals (params without defaults, the concurrency policy skipping) are this event's outcome
      // for this workflow; anything else fails the event, which is delivered again.
      if (!(error instanceof DomainError)) throw error;
      this.logger.warn(`${trigger.type} ${trigger.id} did not start workflow ${workflowId}: ${error.message}`);
      return undefined;
    }
  }
}
