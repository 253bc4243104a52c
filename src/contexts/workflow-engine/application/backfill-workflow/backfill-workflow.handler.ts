import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@libs/ddd';
import { CronCalendar } from '../../domain/definition/cron-calendar.js';
import { Schedule } from '../../domain/definition/schedule.js';
import { WorkflowDefinitionRepository } from '../../domain/definition/workflow-definition.repository.js';
import { BackfillRangeInvalid, ConcurrencyLimitReached, WorkflowNotScheduled } from '../../domain/errors.js';
import { scheduleRunKey, scheduleTrigger } from '../../domain/run/run-trigger.js';
import { RunStarter } from '../services/run-starter.js';
import type { BackfilledSlot, BackfillWorkflowCommand } from './backfill-workflow.command.js';

/**
 * Starts one run per slot of the workflow's schedule in a range, oldest first, under the keys the
 * scheduler uses: a slot already run (by the scheduler or an earlier backfill) answers its run.
 */
@Injectable()
export class BackfillWorkflowHandler {
  constructor(
    private readonly definitions: WorkflowDefinitionRepository,
    private readonly calendar: CronCalendar,
    private readonly starter: RunStarter,
  ) {}

  async execute({ workflowId, from, to, actorId }: BackfillWorkflowCommand): Promise<BackfilledSlot[]> {
    const definition = await this.definitions.findById(workflowId);
    if (definition === undefined) throw new NotFoundError('workflow', workflowId);
    const schedule = definition.latest.spec.schedule;
    if (schedule === undefined) throw new WorkflowNotScheduled(workflowId);
    if (to < from) throw new BackfillRangeInvalid('to must not be before from');
    const slots = schedule.slotsBetween(from, to, this.calendar, Schedule.MAX_BACKFILL + 1);
    if (slots.length > Schedule.MAX_BACKFILL) {
      throw new BackfillRangeInvalid(`the range holds more than ${Schedule.MAX_BACKFILL} slots; backfill it in parts`);
    }
    const backfilled: BackfilledSlot[] = [];
    for (const slot of slots) backfilled.push(await this.start(workflowId, slot, actorId));
    return backfilled;
  }

  private async start(workflowId: string, slot: Date, actorId: string | undefined): Promise<BackfilledSlot> {
    const scheduledFor = slot.toISOString();
    const trigger = scheduleTrigger(slot, true);
    const request = { workflowId, params: {}, idempotencyKey: scheduleRunKey(slot), trigger, actorId };
    try {
      const { runId, created } = await this.starter.start(request);
      return { scheduledFor, runId, created };
    } catch (error) {
      if (!(error instanceof ConcurrencyLimitReached)) throw error;
      return { scheduledFor, created: false, skipped: true };
    }
  }
}
