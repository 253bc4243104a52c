import { Injectable } from '@nestjs/common';
import { CronCalendar } from '../../domain/definition/cron-calendar.js';
import type { WorkflowDefinition } from '../../domain/definition/workflow-definition.js';
import { WorkflowDefinitionRepository } from '../../domain/definition/workflow-definition.repository.js';
import { RunTransaction } from '../ports/run-transaction.js';
import { WorkflowSchedules } from '../ports/workflow-schedules.js';
import { WorkflowTriggers } from '../ports/workflow-triggers.js';

/**
 * Saves a workflow with what its latest version makes it react to: its schedule (with the cursor
 * the scheduler starts from) and the event types of its triggers, in one transaction, so the
 * scheduler and the trigger consumer always act on the latest saved version.
 */
@Injectable()
export class WorkflowActivation {
  constructor(
    private readonly transaction: RunTransaction,
    private readonly definitions: WorkflowDefinitionRepository,
    private readonly schedules: WorkflowSchedules,
    private readonly triggers: WorkflowTriggers,
    private readonly calendar: CronCalendar,
  ) {}

  save(definition: WorkflowDefinition, now: Date): Promise<void> {
    return this.transaction.run(async () => {
      await this.definitions.save(definition);
      const { spec } = definition.latest;
      const schedule = spec.schedule;
      // A new schedule fires from its next slot on: the slots before it were never promised.
      const state = schedule && {
        workflowId: definition.id,
        projectId: definition.projectId,
        cron: schedule.cron,
        timezone: schedule.timezone,
        catchUp: schedule.catchUp,
        lastFiredAt: now,
        nextFireAt: this.calendar.nextAfter(schedule.cron, schedule.timezone, now),
      };
      await this.schedules.keep(definition.id, state);
      const eventTypes = [...new Set(spec.triggers.map((trigger) => trigger.event))];
      await this.triggers.keep(definition.id, definition.projectId, eventTypes, now);
    });
  }
}
