import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@jest/globals';
import { OpenLineageReceiver } from '../../support/data-pipeline/openlineage-receiver.js';
import { sql } from '../workflow-database.js';
import {
  createWorkflow,
  startWorkflowWorld,
  waitForRun,
  WORKFLOW_CONTEXTS,
  type WorkflowWorld,
} from '../workflows-support.js';

const WORKFLOW = { tasks: [{ id: 'train', type: 'noop', params: { outputs: { auc: 0.9 } } }] };

/** The platform forwarding OpenLineage events to a receiver of the test's own, with workflows to run. */
export interface OpenLineageWorld {
  readonly world: WorkflowWorld;
  readonly receiver: OpenLineageReceiver;
  /** Runs a one-task workflow to success; answers the run's id. */
  ranWorkflow(): Promise<string>;
  close(): Promise<void>;
}

/**
 * Earlier test files of a Jest worker leave rows in its database, while Redis starts empty for each
 * file: workflow events the relay then sends again (ADR 0008), which this world's lineage consumer
 * would record and forward, and deliveries queued for earlier receivers. Reaching this world's
 * receiver, they would take the failures a test plants for its own runs; they are dropped first.
 */
async function forgetEarlierFiles(): Promise<void> {
  await sql(`DO $$ BEGIN
    IF to_regclass('workflow_engine.outbox') IS NOT NULL THEN DELETE FROM workflow_engine.outbox; END IF;
    IF to_regclass('data_pipeline.openlineage_deliveries') IS NOT NULL THEN
      DELETE FROM data_pipeline.openlineage_deliveries;
    END IF;
  END $$`);
}

/** Starts the receiver and the platform with OPENLINEAGE_URL pointing at it, plus `env` (OPENLINEAGE_*). */
export async function startOpenLineageWorld(env: Record<string, string>): Promise<OpenLineageWorld> {
  await forgetEarlierFiles();
  const receiver = await OpenLineageReceiver.start();
  const directory = await mkdtemp(join(tmpdir(), 'openlineage-e2e-'));
  const settings = {
    ...env,
    OPENLINEAGE_URL: receiver.url,
    // Loopback is a private address: the receiver's host:port is let through, nothing else is.
    OUTBOUND_ALLOWED_PRIVATE_HOSTS: new URL(receiver.url).host,
    STORAGE_DRIVER: 'filesystem',
    STORAGE_DIR: directory,
  };
  const world = await startWorkflowWorld(settings, `${WORKFLOW_CONTEXTS},data-pipeline`);
  return {
    world,
    receiver,
    async ranWorkflow() {
      const workflowId = await createWorkflow(world.owner.client, world.projectId, { ...WORKFLOW, name: randomUUID() });
      const started = await world.owner.client.call('POST', `/api/v1/workflows/${workflowId}/runs`, {});
      expect(started.status).toBe(201);
      expect((await waitForRun(world.owner.client, started.body.id as string)).state).toBe('succeeded');
      return started.body.id as string;
    },
    async close() {
      await world.app.close();
      await receiver.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
