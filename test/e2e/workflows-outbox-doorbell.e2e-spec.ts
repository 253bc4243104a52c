import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { scaled, waitFor } from '@libs/testing';
import { sql } from './workflow-database.js';
import { createWorkflow, startWorkflowWorld, waitForRun, type WorkflowWorld } from './workflows-support.js';

/**
 * A task's outcome, its events included, commits as one statement of its own, outside any transaction
 * (ADR 0203), so no transaction commit rings the relay: the engine rings it itself. Here the relay
 * polls once a minute, so events leaving the outbox promptly prove the bell rang.
 */
describe('the events of a task outcome committed on its own', () => {
  let world: WorkflowWorld;
  beforeAll(async () => {
    world = await startWorkflowWorld({ OUTBOX_POLL_INTERVAL_MS: String(scaled(60_000)) });
  });
  afterAll(() => world.app.close());

  it('leave the outbox without waiting for the relay poll', async () => {
    const { client } = world.owner;
    const workflowId = await createWorkflow(client, world.projectId, {
      name: 'one-noop',
      tasks: [{ id: 'only', type: 'noop' }],
    });
    const runId = (await client.call('POST', `/api/v1/workflows/${workflowId}/runs`, {})).body.id as string;
    expect((await waitForRun(client, runId)).state).toBe('succeeded');

    const outcomeEvents = async () =>
      sql<{ type: string; sent: boolean }>(
        `SELECT type, stream_entry_id IS NOT NULL AS sent FROM workflow_engine.outbox
          WHERE envelope->>'aggregateId' = $1 AND type IN ('workflow-engine.task-run.succeeded.v1', 'workflow-engine.workflow-run.succeeded.v1')`,
        [runId],
      );
    await waitFor(async () => (await outcomeEvents()).every((event) => event.sent), {
      what: "the outcome's events on the stream",
    });
    expect((await outcomeEvents()).map((event) => event.type).sort()).toEqual([
      'workflow-engine.task-run.succeeded.v1',
      'workflow-engine.workflow-run.succeeded.v1',
    ]);
  });
});
