import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { ACTOR } from '../../../../../test/support/data-pipeline/dataset-objects.js';
import { fakePipelinePorts } from '../../../../../test/support/data-pipeline/fake-pipeline-ports.js';
import { aPipeline, aPipelineWorld } from '../../../../../test/support/data-pipeline/pipeline-objects.js';
import { GetPipelineRunHandler } from './get-pipeline-run.handler.js';

describe('GetPipelineRunHandler', () => {
  it('answers the run as recorded, and refuses an unknown id', async () => {
    const ports = fakePipelinePorts();
    const pipeline = await aPipeline(ports, await aPipelineWorld(ports));
    const { run } = await ports.starting.execute({ pipelineId: pipeline.id, actorId: ACTOR });
    const handler = new GetPipelineRunHandler(ports.runs);

    expect((await handler.execute({ runId: run.id })).snapshot).toEqual(run.snapshot);
    await expect(handler.execute({ runId: 'missing' })).rejects.toBeInstanceOf(NotFoundError);
  });
});
