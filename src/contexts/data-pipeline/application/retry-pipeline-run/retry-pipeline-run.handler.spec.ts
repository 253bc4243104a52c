import { describe, expect, it } from '@jest/globals';
import { ConflictError } from '@libs/ddd';
import { ACTOR } from '../../../../../test/support/data-pipeline/dataset-objects.js';
import { fakePipelinePorts } from '../../../../../test/support/data-pipeline/fake-pipeline-ports.js';
import { aPipeline, aPipelineWorld } from '../../../../../test/support/data-pipeline/pipeline-objects.js';

describe('RetryPipelineRunHandler', () => {
  it('queues a cancelled run again as its next attempt; a job of the old attempt then does nothing', async () => {
    const ports = fakePipelinePorts();
    const pipeline = await aPipeline(ports, await aPipelineWorld(ports));
    const { run } = await ports.starting.execute({ pipelineId: pipeline.id, actorId: ACTOR });
    await ports.cancelling.execute({ runId: run.id, actorId: ACTOR });

    const retried = await ports.retrying.execute({ runId: run.id, actorId: ACTOR });
    await ports.executing.execute({ runId: run.id, attempt: 1, lastTry: false });

    expect(retried.snapshot).toMatchObject({ status: 'queued', attempt: 2 });
    expect(ports.queue.jobs).toEqual([
      { runId: run.id, attempt: 1 },
      { runId: run.id, attempt: 2 },
    ]);
    expect(ports.runs.rows.get(run.id)?.status).toBe('queued');
  });

  it('refuses to retry a queued run', async () => {
    const ports = fakePipelinePorts();
    const pipeline = await aPipeline(ports, await aPipelineWorld(ports));
    const { run } = await ports.starting.execute({ pipelineId: pipeline.id, actorId: ACTOR });
    await expect(ports.retrying.execute({ runId: run.id, actorId: ACTOR })).rejects.toBeInstanceOf(ConflictError);
  });
});
