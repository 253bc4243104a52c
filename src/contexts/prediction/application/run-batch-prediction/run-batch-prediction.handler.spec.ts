import { describe, expect, it } from '@jest/globals';
import { fakeBatchPorts } from '../../../../../test/support/prediction/fake-batch-ports.js';
import { fakePredictionPorts, versionAnswersOf } from '../../../../../test/support/prediction/fake-ports.js';
import {
  ACTOR,
  aPinnedVersion,
  aVariant,
  LINEAR_SIGNATURE,
  PROJECT,
} from '../../../../../test/support/prediction/prediction-objects.js';
import { BatchPrediction } from '../../domain/batch/batch-prediction.js';
import { Deployment } from '../../domain/deployment/deployment.js';
import type { Tensor } from '../../domain/tensor/tensor-spec.js';
import { AjvInferenceInputs } from '../../infrastructure/inputs/ajv-inference-inputs.js';
import { RunBatchPredictionHandler } from './run-batch-prediction.handler.js';

/** y = [a + b + c, -(a + b + c)] per row, so each prediction can be checked against its row by eye. */
function rowSums([x]: readonly Tensor[]): Tensor[] {
  const rows = x.shape[0];
  const data = Array.from({ length: rows }, (_, row) => {
    const sum = (x.data.slice(row * 3, row * 3 + 3) as number[]).reduce((a, b) => a + b, 0);
    return [sum, -sum];
  }).flat();
  return [{ name: 'y', datatype: 'FP32', shape: [rows, 2], data }];
}

const ROWS = Array.from({ length: 23 }, (_, id) => ({ id, a: id, b: 1, c: 0 }));

async function arrange(rows = ROWS) {
  const ports = fakePredictionPorts();
  const batch = fakeBatchPorts();
  const variant = aVariant('champion', 1);
  ports.runtime.answersWith(variant.version.versionId, rowSums);
  const deployment = Deployment.create({
    projectId: PROJECT,
    name: 'churn',
    routing: { mode: 'split', requestKeyHeader: 'x-request-key' },
    variants: [variant],
    createdBy: ACTOR,
    at: new Date(),
  });
  await ports.deployments.add(deployment);
  batch.datasets
    .withVersion('input', { projectId: PROJECT, datasetId: 'features', rows })
    .withDataset('scored', PROJECT);
  const job = BatchPrediction.create({
    projectId: PROJECT,
    deploymentId: deployment.id,
    variant: 'champion',
    modelVersionId: variant.version.versionId,
    inputVersionId: 'input',
    outputDatasetId: 'scored',
    columns: { x: ['a', 'b', 'c'] },
    totalRows: rows.length,
    chunkSize: 5,
    createdBy: ACTOR,
    at: new Date(),
  });
  await batch.jobs.add(job);
  const handler = new RunBatchPredictionHandler(
    ports.transaction,
    batch.jobs,
    ports.deployments,
    batch.datasets,
    batch.chunks,
    new AjvInferenceInputs(),
    versionAnswersOf(ports),
    ports.events,
    ports.versions,
    ports.runtime,
    batch.log,
  );
  const stateOf = async () => (await batch.jobs.find(job.id))!.snapshot;
  return { ports, batch, deployment, job, handler, stateOf };
}

describe('RunBatchPredictionHandler', () => {
  it('predicts every row chunk by chunk and registers the rows joined with their predictions as one version', async () => {
    const { ports, batch, job, handler, stateOf } = await arrange();

    await handler.execute({ batchPredictionId: job.id, lastTry: false });

    const state = await stateOf();
    expect(state).toMatchObject({
      status: 'succeeded',
      chunksDone: 5,
      rowsDone: 23,
      outputVersionId: `output-of-${job.id}`,
    });
    const output = batch.datasets.outputs.get(job.id)!;
    expect(output.output).toMatchObject({ projectId: PROJECT, datasetId: 'scored', actorId: ACTOR });
    expect(output.rows).toEqual(ROWS.map((row) => ({ ...row, y_0: row.a + 1, y_1: -(row.a + 1) })));
    expect(ports.events.published.map((event) => event.type)).toEqual(['prediction.batch-prediction.succeeded.v1']);
    expect(ports.events.published[0].payload).toMatchObject({ outputVersionId: state.outputVersionId, rowCount: 23 });
    expect(batch.chunks.chunks.size).toBe(0);
    expect(batch.log.lines.map((line) => line.message)).toEqual([
      'started: 23 rows in 5 chunks of 5, variant champion',
      ...[1, 2, 3, 4].map((chunk) => `chunk ${chunk} of 5: 5 rows predicted`),
      'chunk 5 of 5: 3 rows predicted',
      `succeeded: 23 rows into version output-of-${job.id}`,
    ]);
    expect(batch.log.lines.every((line) => line.jobId === job.id && line.projectId === PROJECT)).toBe(true);
  });

  it('predicts with a bare model version through the runtime, as the registry serves it, with no deployment', async () => {
    const { ports, batch, handler } = await arrange();
    const version = aPinnedVersion({ versionId: '0190a6a0-0000-7000-8000-0000000000b7', signature: LINEAR_SIGNATURE });
    ports.versions.serves(version.versionId, version);
    ports.runtime.answersWith(version.versionId, rowSums);
    const bare = BatchPrediction.create({
      projectId: PROJECT,
      deploymentId: null,
      variant: null,
      modelVersionId: version.versionId,
      inputVersionId: 'input',
      outputDatasetId: 'scored',
      columns: { x: ['a', 'b', 'c'] },
      totalRows: ROWS.length,
      chunkSize: 10,
      createdBy: ACTOR,
      at: new Date(),
    });
    await batch.jobs.add(bare);

    await handler.execute({ batchPredictionId: bare.id, lastTry: false });

    expect((await batch.jobs.find(bare.id))!.snapshot).toMatchObject({ status: 'succeeded', chunksDone: 3 });
    expect(batch.datasets.outputs.get(bare.id)!.rows).toEqual(
      ROWS.map((row) => ({ ...row, y_0: row.a + 1, y_1: -(row.a + 1) })),
    );
    expect(ports.runtime.loads).toEqual([version.versionId]);
    expect(ports.versions.asked).toEqual([`${PROJECT}:${version.versionId}`]);
  });

  it('fails a bare version’s job when the registry no longer serves the version', async () => {
    const { batch, handler } = await arrange();
    const bare = BatchPrediction.create({
      projectId: PROJECT,
      deploymentId: null,
      variant: null,
      modelVersionId: '0190a6a0-0000-7000-8000-0000000000b8',
      inputVersionId: 'input',
      outputDatasetId: 'scored',
      columns: {},
      totalRows: ROWS.length,
      createdBy: ACTOR,
      at: new Date(),
    });
    await batch.jobs.add(bare);

    await handler.execute({ batchPredictionId: bare.id, lastTry: false });

    expect((await batch.jobs.find(bare.id))!.snapshot).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/cannot predict: the project has no model version/),
    });
  });

  it('resumes after a failure from the first chunk not counted: no row lost, none doubled', async () => {
    const { batch, job, handler, stateOf } = await arrange();
    batch.chunks.failWritingOnce(3);

    await expect(handler.execute({ batchPredictionId: job.id, lastTry: false })).rejects.toThrow(/went away/);
    expect(await stateOf()).toMatchObject({ status: 'running', chunksDone: 3, rowsDone: 15 });
    await handler.execute({ batchPredictionId: job.id, lastTry: false });

    expect((await stateOf()).status).toBe('succeeded');
    expect(batch.chunks.writes).toEqual([0, 1, 2, 3, 4].map((index) => `${job.id}/${index}`));
    const ids = batch.datasets.outputs.get(job.id)!.rows.map((row) => (row as { id: number }).id);
    expect(ids).toEqual(ROWS.map((row) => row.id));
    expect(batch.log.lines.map((line) => line.message)).toContain(
      'resumed at chunk 4: 23 rows in 5 chunks of 5, variant champion',
    );
  });

  it('fails the job on the last try, and at once when the model refuses the rows, publishing why', async () => {
    const platform = await arrange();
    platform.batch.chunks.failWritingOnce(0);
    await platform.handler.execute({ batchPredictionId: platform.job.id, lastTry: true });
    expect(await platform.stateOf()).toMatchObject({ status: 'failed', error: 'the store went away writing chunk 0' });
    expect(platform.batch.log.lines.at(-1)).toMatchObject({
      level: 'error',
      message: 'failed: the store went away writing chunk 0',
    });

    const refused = await arrange([{ id: 0, a: 'not a number', b: 1, c: 0 } as never]);
    await refused.handler.execute({ batchPredictionId: refused.job.id, lastTry: false });
    expect((await refused.stateOf()).status).toBe('failed');
    expect(refused.ports.events.published.map((event) => event.type)).toEqual([
      'prediction.batch-prediction.failed.v1',
    ]);
    expect(refused.batch.datasets.outputs.size).toBe(0);
  });

  it('stops before the next chunk once cancelled, and makes no output version', async () => {
    const { batch, job, handler, stateOf } = await arrange();
    const read = batch.datasets.withRowsOf.bind(batch.datasets);
    // Cancelled by a user while the worker reads its second chunk.
    batch.datasets.withRowsOf = (projectId, versionId, work) =>
      read(projectId, versionId, (rows) =>
        work({
          read: async (offset, limit) => {
            if (offset === 5) {
              const current = (await batch.jobs.find(job.id))!;
              current.cancel(new Date());
              await batch.jobs.save(current);
            }
            return rows.read(offset, limit);
          },
        }),
      );

    await handler.execute({ batchPredictionId: job.id, lastTry: false });

    expect(await stateOf()).toMatchObject({ status: 'cancelled', chunksDone: 1, outputVersionId: null });
    expect(batch.datasets.outputs.size).toBe(0);
    expect(batch.chunks.chunks.size).toBe(0);
  });
});
