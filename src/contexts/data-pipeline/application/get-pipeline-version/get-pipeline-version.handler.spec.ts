import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { fakePipelinePorts } from '../../../../../test/support/data-pipeline/fake-pipeline-ports.js';
import { aPipeline, aPipelineWorld } from '../../../../../test/support/data-pipeline/pipeline-objects.js';
import { GetPipelineVersionHandler } from './get-pipeline-version.handler.js';

describe('GetPipelineVersionHandler', () => {
  it('answers a version by its number, and refuses a number the pipeline does not have', async () => {
    const ports = fakePipelinePorts();
    const pipeline = await aPipeline(ports, await aPipelineWorld(ports));
    const handler = new GetPipelineVersionHandler(ports.pipelines);

    expect(await handler.execute({ pipelineId: pipeline.id, number: 1 })).toMatchObject({
      pipelineId: pipeline.id,
      number: 1,
    });
    await expect(handler.execute({ pipelineId: pipeline.id, number: 2 })).rejects.toBeInstanceOf(NotFoundError);
  });
});
