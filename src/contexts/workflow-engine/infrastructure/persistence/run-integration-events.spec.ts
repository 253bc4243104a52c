import { describe, expect, it } from '@jest/globals';
import { DefinitionSpec } from '../../domain/definition/definition-spec.js';
import type { RunEvent } from '../../domain/run/run-events.js';
import { WorkflowRun, type PinnedVersion } from '../../domain/run/workflow-run.js';
import { integrationEventsOf } from './run-integration-events.js';

const queuedAt = new Date('2026-01-01T00:00:00Z');
const startedAt = new Date('2026-01-01T00:01:00Z');
const endedAt = new Date('2026-01-01T00:02:00Z');

function queuedRun(): WorkflowRun {
  const { spec } = DefinitionSpec.build({ name: 'test', tasks: [{ id: 'train', type: 'noop' }] });
  const pinned: PinnedVersion = { workflowId: 'workflow-1', version: 1, projectId: 'project-1', spec };
  return WorkflowRun.create(pinned, {}, null, queuedAt);
}

/** The integration events of what the run recorded since the last call, as a save publishes them. */
const published = (run: WorkflowRun) => integrationEventsOf(run, run.pullEvents() as RunEvent[]);

describe('integrationEventsOf', () => {
  it('tells when the run started on its start and on its end alike', () => {
    const run = queuedRun();
    const [dispatch] = run.start(startedAt);
    const [started] = published(run);
    run.startTask(dispatch.key, dispatch.attempt, endedAt);
    run.completeTask(dispatch.key, dispatch.attempt, {}, endedAt);
    const ended = published(run);

    expect(started).toMatchObject({
      type: 'workflow-engine.workflow-run.started.v1',
      payload: { runId: run.id, startedAt: startedAt.toISOString() },
    });
    expect(ended.map((event) => [event.type, (event.payload as { startedAt?: string }).startedAt])).toEqual([
      ['workflow-engine.task-run.succeeded.v1', undefined],
      ['workflow-engine.workflow-run.succeeded.v1', startedAt.toISOString()],
    ]);
  });

  it('tells no start on the end of a run cancelled before it started', () => {
    const run = queuedRun();
    run.cancel('no longer needed', endedAt);

    const [cancelled] = published(run);

    expect(cancelled.type).toBe('workflow-engine.workflow-run.cancelled.v1');
    expect(cancelled.payload).not.toHaveProperty('startedAt');
  });
});
