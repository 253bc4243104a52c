import { describe, expect, it } from '@jest/globals';
import { OTHER_PROJECT, PROJECT } from '../../../../../test/support/data-pipeline/dataset-objects.js';
import { fakePipelinePorts } from '../../../../../test/support/data-pipeline/fake-pipeline-ports.js';
import { aPipeline, aPipelineWorld } from '../../../../../test/support/data-pipeline/pipeline-objects.js';
import { ListPipelinesHandler } from './list-pipelines.handler.js';

describe('ListPipelinesHandler', () => {
  it("answers the project's pipelines only", async () => {
    const ports = fakePipelinePorts();
    const pipeline = await aPipeline(ports, await aPipelineWorld(ports));
    const handler = new ListPipelinesHandler(ports.pipelines);

    expect((await handler.execute({ projectId: PROJECT })).map((listed) => listed.id)).toEqual([pipeline.id]);
    expect(await handler.execute({ projectId: OTHER_PROJECT })).toEqual([]);
  });
});
