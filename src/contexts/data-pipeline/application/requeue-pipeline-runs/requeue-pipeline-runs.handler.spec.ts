import { describe, expect, it } from '@jest/globals';
import { ACTOR } from '../../../../../test/support/data-pipeline/dataset-objects.js';
import { fakePipelinePorts } from '../../../../../test/support/data-pipeline/fake-pipeline-ports.js';
import { aPipeline, aPipelineWorld } from '../../../../../test/support/data-pipeline/pipeline-objects.js';
import { RequeuePipelineRunsHandler } from './requeue-pipeline-runs.handler.js';

describe('RequeuePipelineRunsHandler', () => {
  it('queues again the runs still queued from before the instant, with their attempt, and no other', async () => {
    const ports = fakePipelinePorts();
    const pipeline = await aPipeline(ports, await aPipelineWorld(ports));
    const stuck = await ports.starting.execute({ pipelineId: pipeline.id, actorId: ACTOR });
    const cancelled = await ports.starting.execute({ pipelineId: pipeline.id, actorId: ACTOR });
    await ports.cancelling.execute({ runId: cancelled.run.id, actorId: ACTOR });
    ports.queue.jobs.length = 0;
    const handler = new RequeuePipelineRunsHandler(ports.runs, ports.queue);

    const later = new Date(Date.now() + 1000);
    expect(await handler.execute({ queuedBefore: later, limit: 10 })).toBe(1);
    expect(ports.queue.jobs).toEqual([{ runId: stuck.run.id, attempt: 1 }]);
    expect(await handler.execute({ queuedBefore: new Date(0), limit: 10 })).toBe(0);
  });
});
