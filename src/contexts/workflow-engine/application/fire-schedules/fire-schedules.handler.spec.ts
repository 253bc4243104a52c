import { describe, expect, it } from '@jest/globals';
import type { CatchUp, DefinitionDocument } from '../../domain/definition/definition-document.js';
import { aWorkflow } from '../../../../../test/support/workflow-engine/engine-objects.js';
import { engineServices } from '../../../../../test/support/workflow-engine/engine-services.js';
import { isJsonObject } from '../../domain/json-value.js';
import { fakeEnginePorts, type EngineFakes } from '../../../../../test/support/workflow-engine/fake-ports.js';
import { FireSchedulesHandler } from './fire-schedules.handler.js';

const hourly = (catchUp: CatchUp, extra: Partial<DefinitionDocument> = {}): DefinitionDocument => ({
  name: 'hourly',
  tasks: [{ id: 'a', type: 'noop' }],
  schedule: { cron: '0 * * * *', catchUp },
  ...extra,
});

/** A workflow whose hourly schedule was kept at 00:00 (its first slot 01:00), the clock then moved on. */
async function arrange(document: DefinitionDocument, minutesLater: number) {
  const ports = fakeEnginePorts();
  const { activation, starter } = engineServices(ports);
  const workflow = await aWorkflow(ports, document, { author: 'author-1' });
  await activation.save(workflow, ports.clock.now());
  ports.clock.advance(minutesLater * 60_000);
  const handler = new FireSchedulesHandler(ports.schedules, ports.calendar, starter, ports.clock);
  return { ports, workflowId: workflow.id, handler };
}

/** The slots the stored runs stand for, oldest run first. */
const slotsRun = (ports: EngineFakes) =>
  ports.runs.all().map((run) => (isJsonObject(run.trigger) ? run.trigger.scheduledFor : undefined));

describe('FireSchedulesHandler', () => {
  it("starts the slot due now for the version's author, moves the cursor past it, and answers how many were due", async () => {
    const { ports, workflowId, handler } = await arrange(hourly('none'), 61);
    expect(await handler.execute({})).toBe(1);
    expect(slotsRun(ports)).toEqual(['2026-01-01T01:00:00.000Z']);
    expect(ports.runs.all()[0].actorId).toBe('author-1');
    expect(await ports.schedules.find(workflowId)).toMatchObject({
      lastFiredAt: new Date('2026-01-01T01:00:00Z'),
      nextFireAt: new Date('2026-01-01T02:00:00Z'),
    });
    expect(await handler.execute({})).toBe(0);
    expect(ports.runs.rows.size).toBe(1);
  });

  it('catches up on the slots missed while away as the policy says', async () => {
    const all = await arrange(hourly('all'), 3 * 60 + 1);
    await all.handler.execute({});
    expect(slotsRun(all.ports)).toEqual([
      '2026-01-01T01:00:00.000Z',
      '2026-01-01T02:00:00.000Z',
      '2026-01-01T03:00:00.000Z',
    ]);
    const latest = await arrange(hourly('latest'), 3 * 60 + 1);
    await latest.handler.execute({});
    expect(slotsRun(latest.ports)).toEqual(['2026-01-01T03:00:00.000Z']);
    const none = await arrange(hourly('none'), 3 * 60 + 1);
    await none.handler.execute({});
    expect(slotsRun(none.ports)).toEqual([]);
    expect(await none.ports.schedules.find(none.workflowId)).toMatchObject({
      nextFireAt: new Date('2026-01-01T04:00:00Z'),
    });
  });

  it("takes a refused start (params without defaults) as the slot's outcome and moves on", async () => {
    const params = { type: 'object', required: ['model'], properties: { model: { type: 'string' } } };
    const { ports, workflowId, handler } = await arrange(hourly('none', { params }), 61);
    expect(await handler.execute({})).toBe(1);
    expect(ports.runs.rows.size).toBe(0);
    expect((await ports.schedules.find(workflowId))?.nextFireAt).toEqual(new Date('2026-01-01T02:00:00Z'));
  });
});
