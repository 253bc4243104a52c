import { describe, expect, it } from '@jest/globals';
import type { DefinitionDocument } from '../../domain/definition/definition-document.js';
import type { JsonValue } from '../../domain/json-value.js';
import { MAX_TRIGGER_DEPTH } from '../../domain/run/trigger-rules.js';
import { aWorkflow } from '../../../../../test/support/workflow-engine/engine-objects.js';
import { engineServices } from '../../../../../test/support/workflow-engine/engine-services.js';
import { fakeEnginePorts } from '../../../../../test/support/workflow-engine/fake-ports.js';
import { StartTriggeredRunsHandler } from './start-triggered-runs.handler.js';

const APPROVED = 'model-registry.model-version.approved.v1';
const SUCCEEDED = 'workflow-engine.run.succeeded.v1';

const triggered = (extra: Partial<DefinitionDocument> = {}): DefinitionDocument => ({
  name: 'deploy',
  tasks: [{ id: 'a', type: 'noop' }],
  triggers: [{ event: APPROVED, filter: "${{ trigger.payload.stage == 'prod' }}" }, { event: SUCCEEDED }],
  ...extra,
});

const event = (type: string, payload: JsonValue, eventId = 'event-1') => ({
  eventId,
  type,
  occurredAt: '2026-01-01T00:00:00.000Z',
  payload,
});

async function arrange(document: DefinitionDocument = triggered()) {
  const ports = fakeEnginePorts();
  const workflow = await aWorkflow(ports, document);
  const subscriptions = [{ workflowId: workflow.id, projectId: 'project-1' }];
  const handler = new StartTriggeredRunsHandler(ports.definitions, ports.schemas, engineServices(ports).starter);
  return { ports, workflowId: workflow.id, subscriptions, handler };
}

describe('StartTriggeredRunsHandler', () => {
  it('starts a run of a subscribed workflow whose filter passes, recording the event as its trigger', async () => {
    const { ports, subscriptions, handler } = await arrange();
    const runIds = await handler.execute({
      event: event(APPROVED, { projectId: 'project-1', stage: 'prod' }),
      subscriptions,
    });
    expect(runIds).toHaveLength(1);
    const run = await ports.runs.findById(runIds[0]);
    expect(run?.state).toBe('running');
    expect(run?.trigger).toMatchObject({ kind: 'event', id: 'event-1', type: APPROVED, depth: 1 });
  });

  it('answers the runs it started when the event is delivered again, and starts no more', async () => {
    const { ports, subscriptions, handler } = await arrange();
    const approved = event(APPROVED, { stage: 'prod' });
    const first = await handler.execute({ event: approved, subscriptions });
    expect(await handler.execute({ event: approved, subscriptions })).toEqual(first);
    expect(ports.runs.rows.size).toBe(1);
  });

  it("starts nothing when the filter fails, for another project's event, or for the workflow's own run", async () => {
    const { ports, workflowId, subscriptions, handler } = await arrange();
    expect(await handler.execute({ event: event(APPROVED, { stage: 'dev' }), subscriptions })).toEqual([]);
    const foreign = event(APPROVED, { projectId: 'project-2', stage: 'prod' });
    expect(await handler.execute({ event: foreign, subscriptions })).toEqual([]);
    expect(await handler.execute({ event: event(SUCCEEDED, { workflowId }), subscriptions })).toEqual([]);
    expect(ports.runs.rows.size).toBe(0);
  });

  it('starts nothing at the end of a chain of runs started by events deeper than the limit', async () => {
    const { subscriptions, handler } = await arrange();
    const other = { workflowId: 'another-workflow' };
    const atLimit = event(SUCCEEDED, { ...other, triggerDepth: MAX_TRIGGER_DEPTH - 1 }, 'event-1');
    expect(await handler.execute({ event: atLimit, subscriptions })).toHaveLength(1);
    const past = event(SUCCEEDED, { ...other, triggerDepth: MAX_TRIGGER_DEPTH }, 'event-2');
    expect(await handler.execute({ event: past, subscriptions })).toEqual([]);
  });

  it("takes a refusal (params without defaults) as the event's outcome for that workflow", async () => {
    const params = { type: 'object', required: ['model'], properties: { model: { type: 'string' } } };
    const { ports, subscriptions, handler } = await arrange(triggered({ params }));
    expect(await handler.execute({ event: event(SUCCEEDED, {}), subscriptions })).toEqual([]);
    expect(ports.runs.rows.size).toBe(0);
  });
});
