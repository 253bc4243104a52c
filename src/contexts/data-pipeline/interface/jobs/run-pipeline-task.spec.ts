import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import type { TaskAssignment } from '@contexts/workflow-engine';
import { ACTOR, PROJECT } from '../../../../../test/support/data-pipeline/dataset-objects.js';
import {
  fakePipelinePorts,
  type PipelinePorts,
} from '../../../../../test/support/data-pipeline/fake-pipeline-ports.js';
import {
  aPipeline,
  aPipelineWorld,
  scriptOneNullName,
} from '../../../../../test/support/data-pipeline/pipeline-objects.js';
import { GetPipelineHandler } from '../../application/get-pipeline/get-pipeline.handler.js';
import { GetPipelineRunHandler } from '../../application/get-pipeline-run/get-pipeline-run.handler.js';
import type { PipelineWait } from './data-task-outcome.js';
import { RunPipelineTask } from './run-pipeline-task.js';

async function arrange({ quarantine = true } = {}) {
  const ports = fakePipelinePorts();
  const pipeline = await aPipeline(ports, await aPipelineWorld(ports), { quarantine });
  scriptOneNullName(ports);
  const task = new RunPipelineTask(
    new GetPipelineHandler(ports.pipelines),
    ports.starting,
    new GetPipelineRunHandler(ports.runs),
  );
  const assignment = (params: Record<string, unknown>, projectId = PROJECT): TaskAssignment => ({
    runId: 'workflow-run-1',
    key: 'prep',
    attempt: 1,
    type: 'data.run-pipeline',
    taskId: 'prep',
    workflowId: 'workflow-1',
    projectId,
    actorId: ACTOR,
    params: { pipelineId: pipeline.id, pollInterval: '1s', ...params },
  });
  return { ports, pipeline, task, assignment };
}

/** Starts the task and answers the wait it parked, then runs the pipeline run as a worker would. */
async function begunAndExecuted(ports: PipelinePorts, task: RunPipelineTask, assignment: TaskAssignment) {
  const begun = await task.begin(assignment, ACTOR);
  if (begun.kind !== 'waiting' || begun.wait.kind !== 'pipeline-run') throw new Error('expected a pipeline wait');
  await ports.executing.execute({ runId: begun.wait.pipelineRunId, attempt: 1, lastTry: false });
  return begun.wait;
}

describe('RunPipelineTask', () => {
  it('queues one pipeline run per attempt and waits for it, holding no worker', async () => {
    const { ports, task, assignment } = await arrange();

    const first = await task.begin(assignment({}), ACTOR);
    const again = await task.begin(assignment({}), ACTOR);

    expect(first).toMatchObject({ kind: 'waiting', wait: { kind: 'pipeline-run', projectId: PROJECT, pollMs: 1000 } });
    expect(again).toMatchObject({ wait: { pipelineRunId: (first as { wait: PipelineWait }).wait.pipelineRunId } });
    expect(ports.queue.jobs).toHaveLength(1);
    expect(await task.look((first as { wait: PipelineWait }).wait)).toMatchObject({ kind: 'waiting' });
  });

  it('reports the loaded and quarantined versions by step once the run succeeded', async () => {
    const { ports, task, assignment } = await arrange();
    const wait = await begunAndExecuted(ports, task, assignment({}));

    const outcome = await task.look(wait);

    const run = ports.runs.rows.get(wait.pipelineRunId);
    const versionOf = (role: string) => run?.outputs.find((output) => output.role === role)?.versionId;
    expect(outcome).toEqual({
      kind: 'succeeded',
      outputs: {
        pipelineRunId: wait.pipelineRunId,
        pipelineVersion: 1,
        loaded: { store: { datasetId: expect.any(String), versionId: versionOf('output') } },
        quarantined: { checked: { datasetId: expect.any(String), versionId: versionOf('quarantine') } },
        checkRunIds: [expect.any(String)],
      },
    });
  });

  it('counts a step that quarantined its failures as a warning: blockOn error runs on, blockOn warn stops', async () => {
    const { ports, task, assignment } = await arrange();
    const passing = await begunAndExecuted(ports, task, assignment({ blockOn: 'error' }));
    const stopping = await begunAndExecuted(ports, task, { ...assignment({ blockOn: 'warn' }), attempt: 2 });

    expect(await task.look(passing)).toMatchObject({ kind: 'succeeded' });
    expect(await task.look(stopping)).toMatchObject({
      kind: 'failed',
      error: expect.stringMatching(/blocked \(blockOn: warn\) by step "checked" fail/),
    });
  });

  it("fails with the pipeline run's error when the run failed", async () => {
    const { ports, task, assignment } = await arrange({ quarantine: false });
    const wait = await begunAndExecuted(ports, task, assignment({}));

    expect(await task.look(wait)).toMatchObject({
      kind: 'failed',
      error: expect.stringMatching(new RegExp(`^pipeline run ${wait.pipelineRunId} failed: `)),
    });
  });

  it("refuses another project's pipeline as a missing one, queueing nothing", async () => {
    const { ports, task, assignment } = await arrange();

    await expect(task.begin(assignment({}, 'another-project'), ACTOR)).rejects.toBeInstanceOf(NotFoundError);
    expect(ports.queue.jobs).toHaveLength(0);
  });
});
