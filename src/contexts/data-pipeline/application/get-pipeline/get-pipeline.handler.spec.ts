import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { ACTOR } from '../../../../../test/support/data-pipeline/dataset-objects.js';
import { fakePipelinePorts } from '../../../../../test/support/data-pipeline/fake-pipeline-ports.js';
import { aDefinition, aPipeline, aPipelineWorld } from '../../../../../test/support/data-pipeline/pipeline-objects.js';
import { GetPipelineHandler } from './get-pipeline.handler.js';

describe('GetPipelineHandler', () => {
  it('answers the pipeline with its latest version, and refuses an unknown id', async () => {
    const ports = fakePipelinePorts();
    const version = await aPipelineWorld(ports);
    const pipeline = await aPipeline(ports, version);
    await ports.revising.execute({ pipelineId: pipeline.id, definition: aDefinition(version.id), actorId: ACTOR });
    const handler = new GetPipelineHandler(ports.pipelines);

    const read = await handler.execute({ pipelineId: pipeline.id });

    expect(read.pipeline.id).toBe(pipeline.id);
    expect(read.version.number).toBe(2);
    await expect(handler.execute({ pipelineId: 'missing' })).rejects.toBeInstanceOf(NotFoundError);
  });
});
