import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { ACTOR } from '../../../../../test/support/data-pipeline/dataset-objects.js';
import { fakePipelinePorts } from '../../../../../test/support/data-pipeline/fake-pipeline-ports.js';
import { aPipeline, aPipelineWorld } from '../../../../../test/support/data-pipeline/pipeline-objects.js';
import { ListPipelineRunsHandler } from './list-pipeline-runs.handler.js';

describe('ListPipelineRunsHandler', () => {
  it("answers the pipeline's runs newest first, up to the limit, and refuses an unknown pipeline", async () => {
    const ports = fakePipelinePorts();
    const pipeline = await aPipeline(ports, await aPipelineWorld(ports));
    const first = await ports.starting.execute({ pipelineId: pipeline.id, actorId: ACTOR });
    const second = await ports.starting.execute({ pipelineId: pipeline.id, actorId: ACTOR });
    const handler = new ListPipelineRunsHandler(ports.pipelines, ports.runs);

    const listed = await handler.execute({ pipelineId: pipeline.id, limit: 10 });
    expect(listed.map((run) => run.id)).toEqual([second.run.id, first.run.id]);
    expect(await handler.execute({ pipelineId: pipeline.id, limit: 1 })).toHaveLength(1);
    await expect(handler.execute({ pipelineId: 'missing', limit: 1 })).rejects.toBeInstanceOf(NotFoundError);
  });
});
