import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { ACTOR } from '../../../../../test/support/data-pipeline/dataset-objects.js';
import { fakePipelinePorts } from '../../../../../test/support/data-pipeline/fake-pipeline-ports.js';
import { aDefinition, aPipeline, aPipelineWorld } from '../../../../../test/support/data-pipeline/pipeline-objects.js';
import { PipelineRunKeyReused } from './start-pipeline-run.handler.js';

describe('StartPipelineRunHandler', () => {
  it('records a queued run of the latest version and puts its first attempt on the queue', async () => {
    const ports = fakePipelinePorts();
    const version = await aPipelineWorld(ports);
    const pipeline = await aPipeline(ports, version);
    await ports.revising.execute({ pipelineId: pipeline.id, definition: aDefinition(version.id), actorId: ACTOR });

    const { run, created } = await ports.starting.execute({ pipelineId: pipeline.id, actorId: ACTOR });

    expect(created).toBe(true);
    expect(run.snapshot).toMatchObject({ status: 'queued', pipelineVersion: 2, attempt: 1, actorId: ACTOR });
    expect(ports.runs.rows.get(run.id)?.status).toBe('queued');
    expect(ports.queue.jobs).toEqual([{ runId: run.id, attempt: 1 }]);
  });

  it('answers the first run to an Idempotency-Key sent again, and refuses the key for another version', async () => {
    const ports = fakePipelinePorts();
    const version = await aPipelineWorld(ports);
    const pipeline = await aPipeline(ports, version);
    await ports.revising.execute({ pipelineId: pipeline.id, definition: aDefinition(version.id), actorId: ACTOR });
    const start = (number: number) =>
      ports.starting.execute({ pipelineId: pipeline.id, version: number, idempotencyKey: 'k', actorId: ACTOR });

    const first = await start(1);
    const again = await start(1);

    expect(again).toEqual({ run: expect.objectContaining({ id: first.run.id }), created: false });
    expect(ports.queue.jobs).toHaveLength(1);
    await expect(start(2)).rejects.toBeInstanceOf(PipelineRunKeyReused);
  });

  it('refuses an unknown version or pipeline, queueing nothing', async () => {
    const ports = fakePipelinePorts();
    const version = await aPipelineWorld(ports);
    const pipeline = await aPipeline(ports, version);
    await expect(
      ports.starting.execute({ pipelineId: pipeline.id, version: 9, actorId: ACTOR }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(ports.starting.execute({ pipelineId: 'nope', actorId: ACTOR })).rejects.toBeInstanceOf(NotFoundError);
    expect(ports.queue.jobs).toEqual([]);
  });
});
