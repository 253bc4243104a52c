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
import { WorkflowTriggers, type TriggerSubscription } from '../ports/workflow-triggers.js';
import { StartRunCommand } from '../start-run/start-run.command.js';
import { StartRunHandler } from '../start-run/start-run.handler.js';
import type { StartTriggeredRunsCommand } from './start-triggered-runs.command.js';

/**
 * Starts a run of every workflow whose latest version triggers on the event: subscribed to its
 * type, in the event's project (or any project for a project-less event), not the workflow the
 * event is about, with a filter that passes, and not deeper than MAX_TRIGGER_DEPTH in a chain of
 * triggered runs. Each run is keyed `event:<event id>`, so a redelivered event answers the runs it
 * already started. Answers the ids of the runs.
 */
@Injectable()
export class StartTriggeredRunsHandler {
  private readonly logger = new Logger(StartTriggeredRunsHandler.name);

  constructor(
    private readonly triggers: WorkflowTriggers,
    private readonly definitions: WorkflowDefinitionRepository,
    private readonly schemas: JsonSchemaValidator,
    private readonly starting: StartRunHandler,
  ) {}

  async execute(command: StartTriggeredRunsCommand): Promise<string[]> {
    const [subscriptions] = await this.subscriptionsOf([command]);
    return this.startFor(command, subscriptions);
  }

  /** The workflows each event may trigger, in order, with one lookup of the trigger index for all. */
  subscriptionsOf(commands: readonly StartTriggeredRunsCommand[]): Promise<TriggerSubscription[][]> {
    return this.triggers.subscribedTo(
      commands.map((command) => ({ type: command.type, occurredAt: new Date(command.occurredAt) })),
    );
  }

  /** Starts the runs of one event among the workflows `subscriptionsOf` found for it. */
  async startFor(command: StartTriggeredRunsCommand, subscriptions: readonly TriggerSubscription[]): Promise<string[]> {
    const trigger = eventTrigger({
      id: command.eventId,
      type: command.type,
      occurredAt: command.occurredAt,
      payload: command.payload,
      depth: triggerDepthOf(command),
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
      const command = new StartRunCommand(workflowId, {}, undefined, eventRunKey(trigger.id), trigger);
      return (await this.starting.execute(command)).runId;
    } catch (error) {
      // Refusals (params without defaults, the concurrency policy skipping) are this event's outcome
      // for this workflow; anything else fails the event, which is delivered again.
      if (!(error instanceof DomainError)) throw error;
      this.logger.warn(`${trigger.type} ${trigger.id} did not start workflow ${workflowId}: ${error.message}`);
      return undefined;
    }
  }
}
