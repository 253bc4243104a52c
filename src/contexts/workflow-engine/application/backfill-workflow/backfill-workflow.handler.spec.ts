import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import fc from 'fast-check';
import type { DefinitionDocument } from '../../domain/definition/definition-document.js';
import { BackfillRangeInvalid, WorkflowNotScheduled } from '../../domain/errors.js';
import { aWorkflow } from '../../../../../test/support/workflow-engine/engine-objects.js';
import { engineServices } from '../../../../../test/support/workflow-engine/engine-services.js';
import { fakeEnginePorts } from '../../../../../test/support/workflow-engine/fake-ports.js';
import { BackfillWorkflowHandler } from './backfill-workflow.handler.js';

const hourly: DefinitionDocument = {
  name: 'hourly',
  tasks: [{ id: 'a', type: 'noop' }],
  schedule: { cron: '0 * * * *' },
};

const at = (hour: number): Date => new Date(Date.UTC(2026, 0, 1, hour));

async function arrange(document: DefinitionDocument = hourly) {
  const ports = fakeEnginePorts();
  const workflow = await aWorkflow(ports, document);
  const handler = new BackfillWorkflowHandler(ports.definitions, ports.calendar, engineServices(ports).starter);
  return { ports, workflowId: workflow.id, handler };
}

describe('BackfillWorkflowHandler', () => {
  it('starts one run per slot of the range, both ends included, oldest first, for the asker', async () => {
    const { ports, workflowId, handler } = await arrange();
    const slots = await handler.execute({ workflowId, from: at(0), to: at(2), actorId: 'user-1' });
    expect(slots.map(({ scheduledFor, created }) => [scheduledFor, created])).toEqual([
      ['2026-01-01T00:00:00.000Z', true],
      ['2026-01-01T01:00:00.000Z', true],
      ['2026-01-01T02:00:00.000Z', true],
    ]);
    const run = await ports.runs.findById(slots[0].runId ?? '');
    expect(run?.actorId).toBe('user-1');
    expect(run?.trigger).toMatchObject({ kind: 'schedule', scheduledFor: '2026-01-01T00:00:00.000Z', backfill: true });
  });

  it('answers the run a slot already has, whatever ranges cover it, and never runs a slot twice', async () => {
    const range = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 5 }));
    await fc.assert(
      fc.asyncProperty(fc.array(range, { minLength: 1, maxLength: 4 }), async (ranges) => {
        const { ports, workflowId, handler } = await arrange();
        const runOfSlot = new Map<string, string>();
        for (const [start, length] of ranges) {
          for (const slot of await handler.execute({ workflowId, from: at(start), to: at(start + length) })) {
            expect(slot.created).toBe(!runOfSlot.has(slot.scheduledFor));
            expect(slot.runId).toBe(runOfSlot.get(slot.scheduledFor) ?? slot.runId);
            runOfSlot.set(slot.scheduledFor, slot.runId ?? '');
          }
        }
        expect(ports.runs.rows.size).toBe(runOfSlot.size);
      }),
      { numRuns: 25 },
    );
  });

  it('marks the slots the concurrency policy skipped, so that a later backfill may run them', async () => {
    const { workflowId, handler } = await arrange({ ...hourly, concurrency: { limit: 1, policy: 'skip' } });
    const slots = await handler.execute({ workflowId, from: at(0), to: at(1) });
    expect(slots[0]).toMatchObject({ created: true });
    expect(slots[1]).toEqual({ scheduledFor: '2026-01-01T01:00:00.000Z', created: false, skipped: true });
  });

  it('refuses a reversed range, one of more than 500 slots, a workflow without schedule, and an unknown one', async () => {
    const { workflowId, handler } = await arrange();
    await expect(handler.execute({ workflowId, from: at(2), to: at(1) })).rejects.toBeInstanceOf(BackfillRangeInvalid);
    await expect(handler.execute({ workflowId, from: at(0), to: at(500) })).rejects.toBeInstanceOf(
      BackfillRangeInvalid,
    );
    const unscheduled = await arrange({ name: 'manual', tasks: [{ id: 'a', type: 'noop' }] });
    const manual = unscheduled.handler.execute({ workflowId: unscheduled.workflowId, from: at(0), to: at(1) });
    await expect(manual).rejects.toBeInstanceOf(WorkflowNotScheduled);
    await expect(handler.execute({ workflowId: 'nope', from: at(0), to: at(1) })).rejects.toBeInstanceOf(NotFoundError);
  });
});
