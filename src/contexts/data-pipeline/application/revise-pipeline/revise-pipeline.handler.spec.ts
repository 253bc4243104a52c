import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { ACTOR } from '../../../../../test/support/data-pipeline/dataset-objects.js';
import { fakePipelinePorts } from '../../../../../test/support/data-pipeline/fake-pipeline-ports.js';
import { aDefinition, aPipeline, aPipelineWorld } from '../../../../../test/support/data-pipeline/pipeline-objects.js';
import { PipelineDefinitionUnfit } from '../../domain/errors.js';

describe('RevisePipelineHandler', () => {
  it('stores the definition as the next version and keeps the earlier one as it was', async () => {
    const ports = fakePipelinePorts();
    const version = await aPipelineWorld(ports);
    const pipeline = await aPipeline(ports, version);

    const revised = await ports.revising.execute({
      pipelineId: pipeline.id,
      definition: aDefinition(version.id, { quarantine: false }),
      actorId: ACTOR,
    });

    expect(revised.version.number).toBe(2);
    expect(revised.pipeline.snapshot.latestVersion).toBe(2);
    const [first, second] = ports.pipelines.versions;
    expect(first?.definition.steps[2]).toHaveProperty('quarantine');
    expect(second?.definition.steps[2]).not.toHaveProperty('quarantine');
  });

  it('refuses an unfit definition, storing nothing, and an unknown pipeline', async () => {
    const ports = fakePipelinePorts();
    const version = await aPipelineWorld(ports);
    const pipeline = await aPipeline(ports, version);
    const unfit = aDefinition('0190d7a8-0000-7000-8000-0000000000ff');

    await expect(
      ports.revising.execute({ pipelineId: pipeline.id, definition: unfit, actorId: ACTOR }),
    ).rejects.toBeInstanceOf(PipelineDefinitionUnfit);
    await expect(
      ports.revising.execute({ pipelineId: 'missing', definition: unfit, actorId: ACTOR }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(ports.pipelines.versions).toHaveLength(1);
  });
});
