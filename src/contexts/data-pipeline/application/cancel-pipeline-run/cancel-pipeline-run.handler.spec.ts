import { describe, expect, it } from '@jest/globals';
import { ConflictError } from '@libs/ddd';
import { ACTOR } from '../../../../../test/support/data-pipeline/dataset-objects.js';
import { fakePipelinePorts } from '../../../../../test/support/data-pipeline/fake-pipeline-ports.js';
import { aPipeline, aPipelineWorld } from '../../../../../test/support/data-pipeline/pipeline-objects.js';

describe('CancelPipelineRunHandler', () => {
  it('cancels a queued run, skips its steps and records its end in the lineage graph; a second cancel conflicts', async () => {
    const ports = fakePipelinePorts();
    const pipeline = await aPipeline(ports, await aPipelineWorld(ports));
    const { run } = await ports.starting.execute({ pipelineId: pipeline.id, actorId: ACTOR });

    const cancelled = await ports.cancelling.execute({ runId: run.id, actorId: ACTOR });

    expect(cancelled.status).toBe('cancelled');
    expect(ports.runs.rows.get(run.id)?.steps.every((step) => step.status === 'skipped')).toBe(true);
    expect(ports.graph.nodes.get(`pipeline-run:${run.id}`)?.facets.status).toMatchObject({ state: 'cancelled' });
    await expect(ports.cancelling.execute({ runId: run.id, actorId: ACTOR })).rejects.toBeInstanceOf(ConflictError);
  });

  it('stops a cancelled run’s queued job before any step: the worker finds it ended', async () => {
    const ports = fakePipelinePorts();
    const pipeline = await aPipeline(ports, await aPipelineWorld(ports));
    const { run } = await ports.starting.execute({ pipelineId: pipeline.id, actorId: ACTOR });
    await ports.cancelling.execute({ runId: run.id, actorId: ACTOR });

    await ports.executing.execute({ runId: run.id, attempt: 1, lastTry: false });

    expect(ports.engine.transforms).toEqual([]);
    expect(ports.runs.rows.get(run.id)?.status).toBe('cancelled');
  });
});
