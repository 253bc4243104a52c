import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import fc from 'fast-check';
import type { DefinitionDocument } from '../../domain/definition/definition-document.js';
import type { JsonObject } from '../../domain/json-value.js';
import { ConcurrencyLimitReached, IdempotencyKeyReused, WorkflowParamsInvalid } from '../../domain/errors.js';
import { aWorkflow, runState, taskStates } from '../../../../../test/support/workflow-engine/engine-objects.js';
import { engineServices } from '../../../../../test/support/workflow-engine/engine-services.js';
import { fakeEnginePorts } from '../../../../../test/support/workflow-engine/fake-ports.js';
import { StartRunHandler } from './start-run.handler.js';

const document: DefinitionDocument = {
  name: 'train',
  params: { type: 'object', properties: { epochs: { type: 'integer', default: 5 } }, additionalProperties: false },
  tasks: [
    { id: 'a', type: 'noop', params: { epochs: '${{ params.epochs }}' } },
    { id: 'b', type: 'noop', dependsOn: ['a'] },
  ],
};

async function arrange(extra: Partial<DefinitionDocument> = {}) {
  const ports = fakeEnginePorts();
  const workflow = await aWorkflow(ports, { ...document, ...extra }, { author: 'author-1' });
  return { ports, workflowId: workflow.id, handler: new StartRunHandler(engineServices(ports).starter) };
}

describe('StartRunHandler', () => {
  it('stores a running run with checked params, enqueues its first tasks and publishes its start', async () => {
    const { ports, workflowId, handler } = await arrange();
    const { runId, created } = await handler.execute({ workflowId, params: {}, actorId: 'user-1' });
    expect(created).toBe(true);
    const run = await ports.runs.findById(runId);
    expect(run).toMatchObject({ state: 'running', params: { epochs: 5 }, actorId: 'user-1', trigger: null });
    expect(await taskStates(ports, runId)).toEqual({ a: 'queued', b: 'pending' });
    expect(ports.queue.enqueued).toEqual([
      expect.objectContaining({ runId, key: 'a', attempt: 1, input: { epochs: 5 } }),
    ]);
    expect(ports.runs.eventsOf(runId)).toEqual(['run-started']);
  });

  it("acts for the version's author when nobody is named", async () => {
    const { ports, workflowId, handler } = await arrange();
    const { runId } = await handler.execute({ workflowId, params: {} });
    expect((await ports.runs.findById(runId))?.actorId).toBe('author-1');
  });

  it('answers the first run for every repeat of an idempotency key, and starts one run per key', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom('k1', 'k2', 'k3'), { minLength: 1, maxLength: 8 }), async (keys) => {
        const { ports, workflowId, handler } = await arrange();
        const first = new Map<string, string>();
        for (const idempotencyKey of keys) {
          const { runId, created } = await handler.execute({ workflowId, params: {}, idempotencyKey });
          expect(created).toBe(!first.has(idempotencyKey));
          expect(runId).toBe(first.get(idempotencyKey) ?? runId);
          first.set(idempotencyKey, runId);
        }
        expect(ports.runs.rows.size).toBe(new Set(keys).size);
      }),
      { numRuns: 30 },
    );
  });

  it('refuses an idempotency key sent again with other params or another version, and starts nothing', async () => {
    const { ports, workflowId, handler } = await arrange();
    const idempotencyKey = 'nightly';
    const { runId } = await handler.execute({ workflowId, params: {}, idempotencyKey });
    // The defaults filled in, the request is the first one again.
    await expect(handler.execute({ workflowId, params: { epochs: 5 }, idempotencyKey, version: 1 })).resolves.toEqual({
      runId,
      created: false,
    });
    const changes: { params: JsonObject; version?: number }[] = [
      { params: { epochs: 6 } },
      { params: { epochs: 'many' } },
      { params: {}, version: 2 },
    ];
    for (const changed of changes) {
      const refused = handler.execute({ workflowId, idempotencyKey, ...changed });
      await expect(refused).rejects.toBeInstanceOf(IdempotencyKeyReused);
      await expect(refused).rejects.toMatchObject({ key: idempotencyKey, runId });
    }
    expect(ports.runs.rows.size).toBe(1);
  });

  it('refuses params that break the schema, and stores nothing', async () => {
    const { ports, workflowId, handler } = await arrange();
    await expect(handler.execute({ workflowId, params: { epochs: 'many' } })).rejects.toBeInstanceOf(
      WorkflowParamsInvalid,
    );
    expect(ports.runs.rows.size).toBe(0);
    expect(ports.queue.enqueued).toEqual([]);
  });

  it('refuses an unknown workflow or version as not found', async () => {
    const { workflowId, handler } = await arrange();
    await expect(handler.execute({ workflowId: 'no-such-workflow', params: {} })).rejects.toBeInstanceOf(NotFoundError);
    await expect(handler.execute({ workflowId, params: {}, version: 2 })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('applies the concurrency policy under the workflow lock: skip refuses, queue waits for a slot', async () => {
    const skipping = await arrange({ concurrency: { limit: 1, policy: 'skip' } });
    await skipping.handler.execute({ workflowId: skipping.workflowId, params: {} });
    const refused = skipping.handler.execute({ workflowId: skipping.workflowId, params: {} });
    await expect(refused).rejects.toBeInstanceOf(ConcurrencyLimitReached);
    expect(skipping.ports.runs.rows.size).toBe(1);
    expect(skipping.ports.transaction.lockedWorkflows).toEqual([skipping.workflowId, skipping.workflowId]);

    const queueing = await arrange({ concurrency: { limit: 1, policy: 'queue' } });
    await queueing.handler.execute({ workflowId: queueing.workflowId, params: {} });
    const { runId } = await queueing.handler.execute({ workflowId: queueing.workflowId, params: {} });
    expect(await runState(queueing.ports, runId)).toBe('queued');
    expect(queueing.ports.queue.enqueued.filter((dispatch) => dispatch.runId === runId)).toEqual([]);
  });
});
