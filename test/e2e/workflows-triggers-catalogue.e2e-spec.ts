import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createWorkflow, startWorkflowWorld, WORKFLOW_CONTEXTS, type WorkflowWorld } from './workflows-support.js';

const TYPO = 'model-registry.model-version.promoted.v1';
const APPROVED = 'model-registry.model-version.approved.v1';

/** A definition started by one event type. */
function triggeredBy(event: string): object {
  return { name: 'deploy-on-approval', triggers: [{ event }], tasks: [{ id: 'deploy', type: 'noop' }] };
}

describe('trigger event types against the catalogue of published events', () => {
  let world: WorkflowWorld;
  beforeAll(async () => {
    // The registry is hosted here, so its event types are known to the engine of this process.
    world = await startWorkflowWorld({}, `${WORKFLOW_CONTEXTS},model-registry`);
  });
  afterAll(() => world.app.close());

  it('refuses a trigger on a type nobody publishes with a 400 naming the field and the closest types', async () => {
    const { owner, projectId } = world;
    const created = await owner.client.call('POST', `/api/v1/projects/${projectId}/workflows`, triggeredBy(TYPO));
    expect(created.status).toBe(400);
    expect(created.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(created.body.errors).toEqual([
      {
        field: 'triggers[0].event',
        message: expect.stringMatching(new RegExp(`^no context publishes ${TYPO}; did you mean .*${APPROVED}`)),
      },
    ]);
  });

  it('accepts a published type, and refuses an update to the typo, keeping the version it had', async () => {
    const { owner, projectId } = world;
    const workflowId = await createWorkflow(owner.client, projectId, triggeredBy(APPROVED));
    const engineOwn = await owner.client.call(
      'PUT',
      `/api/v1/workflows/${workflowId}`,
      triggeredBy('workflow-engine.workflow-run.succeded.v1'),
    );
    expect(engineOwn.status).toBe(400);
    expect(engineOwn.body.errors).toEqual([
      { field: 'triggers[0].event', message: expect.stringContaining('workflow-engine.workflow-run.succeeded.v1') },
    ]);
    const updated = await owner.client.call('PUT', `/api/v1/workflows/${workflowId}`, triggeredBy(TYPO));
    expect(updated.status).toBe(400);
    const kept = await owner.client.call('GET', `/api/v1/workflows/${workflowId}`);
    expect(kept.body).toMatchObject({ version: 1, definition: { triggers: [{ event: APPROVED }] } });
  });
});
