import { describe, expect, it } from '@jest/globals';
import { newId, NotFoundError } from '@libs/ddd';
import type { TaskAssignment } from '@contexts/workflow-engine';
import { aDataset, ACTOR, OTHER_PROJECT, PROJECT } from '../../../../../test/support/data-pipeline/dataset-objects.js';
import { aCheckRun } from '../../../../../test/support/data-pipeline/check-runs.js';
import { fakeCheckRunPorts } from '../../../../../test/support/data-pipeline/fake-check-run-ports.js';
import type { DataPipelinePorts } from '../../../../../test/support/data-pipeline/fake-ports.js';
import { CheckDatasetFreshnessHandler } from '../../application/check-dataset-freshness/check-dataset-freshness.handler.js';
import { FindBlockingChecksHandler } from '../../application/find-blocking-checks/find-blocking-checks.handler.js';
import type { Dataset } from '../../domain/dataset/dataset.js';
import { AwaitFreshnessTask, MIN_POLL_MS } from './await-freshness-task.js';

const NOW = new Date('2026-12-07T12:00:00Z');
const HOUR = 3_600_000;
const at = (ms: number) => new Date(NOW.getTime() + ms);

function versionOf(ports: DataPipelinePorts, dataset: Dataset, createdAt: Date) {
  return ports.versions.add({
    id: newId(),
    datasetId: dataset.id,
    projectId: dataset.projectId,
    format: 'csv',
    objectKey: `data-pipeline/${dataset.id}/${createdAt.getTime()}.csv`,
    sizeBytes: 1,
    sha256: 'ab',
    rowCount: 1,
    inferredSchema: [],
    profile: [],
    producer: { kind: 'upload', actorId: ACTOR },
    createdAt,
  });
}

function assignment(params: object, timeoutMs?: number): TaskAssignment {
  return {
    runId: 'run-1',
    key: 'fresh',
    attempt: 1,
    type: 'data.await-freshness',
    taskId: 'fresh',
    workflowId: 'workflow-1',
    projectId: PROJECT,
    actorId: ACTOR,
    params,
    ...(timeoutMs !== undefined && { timeoutMs }),
  };
}

async function setUp(datasetProject = PROJECT) {
  const ports = fakeCheckRunPorts();
  const dataset = aDataset('events', datasetProject);
  await ports.datasets.add(dataset);
  const task = new AwaitFreshnessTask(
    new CheckDatasetFreshnessHandler(ports.datasets, ports.versions),
    new FindBlockingChecksHandler(ports.versions, ports.runs),
  );
  return { ports, dataset, task };
}

describe('AwaitFreshnessTask', () => {
  it('succeeds at once with the newest version when it is younger than maxAge', async () => {
    const { ports, dataset, task } = await setUp();
    const version = await versionOf(ports, dataset, at(-HOUR));

    const outcome = await task.begin(assignment({ datasetId: dataset.id, maxAge: '6h', timeout: '1h' }), NOW);

    expect(outcome).toEqual({
      kind: 'succeeded',
      outputs: {
        datasetId: dataset.id,
        datasetVersionId: version.id,
        versionNumber: 1,
        createdAt: version.createdAt.toISOString(),
      },
    });
  });

  it('waits a poll interval at a time, then succeeds once a fresh version arrives', async () => {
    const { ports, dataset, task } = await setUp();
    await versionOf(ports, dataset, at(-7 * HOUR));

    const first = await task.begin(
      assignment({ datasetId: dataset.id, maxAge: '6h', timeout: '1h', pollInterval: '5m' }),
      NOW,
    );

    expect(first).toMatchObject({ kind: 'waiting', until: at(5 * 60_000).getTime() });
    if (first.kind !== 'waiting' || first.wait.kind !== 'freshness') throw new Error('expected a freshness wait');
    expect(first.wait).toEqual({
      kind: 'freshness',
      projectId: PROJECT,
      datasetId: dataset.id,
      maxAge: '6h',
      maxAgeMs: 6 * HOUR,
      pollMs: 5 * 60_000,
      deadline: at(HOUR).getTime(),
    });
    expect(first.log).toEqual([
      `waiting until ${at(HOUR).toISOString()} for a version younger than 6h, looking every 300000 ms`,
    ]);
    const fresh = await versionOf(ports, dataset, at(6 * 60_000));
    await expect(task.look(first.wait, at(7 * 60_000))).resolves.toMatchObject({
      kind: 'succeeded',
      outputs: { datasetVersionId: fresh.id, versionNumber: 2 },
    });
  });

  it('fails at its deadline naming what it saw; the deadline is the sooner of timeout and the task’s own timeout', async () => {
    const { ports, dataset, task } = await setUp();
    const old = await versionOf(ports, dataset, at(-7 * HOUR));

    const first = await task.begin(
      assignment({ datasetId: dataset.id, maxAge: '6h', timeout: '1h', pollInterval: '10m' }, 15 * 60_000),
      NOW,
    );
    if (first.kind !== 'waiting' || first.wait.kind !== 'freshness') throw new Error('expected a freshness wait');
    expect(first.wait.deadline).toBe(at(15 * 60_000).getTime());
    await expect(task.look(first.wait, at(10 * 60_000))).resolves.toMatchObject({
      kind: 'waiting',
      until: first.wait.deadline,
    });

    await expect(task.look(first.wait, at(15 * 60_000))).resolves.toEqual({
      kind: 'failed',
      error:
        `dataset ${dataset.id} had no version younger than 6h by ${at(15 * 60_000).toISOString()}: ` +
        `its newest is version 1 (${old.id}) of ${old.createdAt.toISOString()}`,
    });
  });

  it('looks no more often than once a second, and fails an empty dataset saying it has no version', async () => {
    const { dataset, task } = await setUp();

    const first = await task.begin(
      assignment({ datasetId: dataset.id, maxAge: '1h', timeout: '0s', pollInterval: '1ms' }),
      NOW,
    );
    const polling = await task.begin(
      assignment({ datasetId: dataset.id, maxAge: '1h', timeout: '1m', pollInterval: '1ms' }),
      NOW,
    );

    expect(first).toMatchObject({ kind: 'failed', error: expect.stringMatching(/: it has no version$/) });
    expect(polling).toMatchObject({ kind: 'waiting', wait: { pollMs: MIN_POLL_MS } });
  });

  it('answers not found for another project’s dataset', async () => {
    const { dataset, task } = await setUp(OTHER_PROJECT);

    await expect(
      task.begin(assignment({ datasetId: dataset.id, maxAge: '1h', timeout: '1h' }), NOW),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('with a blockOn, fails on a fresh version whose recorded checks reach it, naming them', async () => {
    const { ports, dataset, task } = await setUp();
    const version = await versionOf(ports, dataset, at(-HOUR));
    const checked = aCheckRun({ versionId: version.id, createdAt: at(-HOUR) });
    const warned = { ...checked.results[0], status: 'warn' as const, severity: 'warn' as const, observedValue: 4 };
    await ports.runs.add({ ...checked, status: 'warn', results: [warned] });
    const params = { datasetId: dataset.id, maxAge: '6h', timeout: '1h' };

    const tolerant = await task.begin(assignment({ ...params, blockOn: 'error' }), NOW);
    const strict = await task.begin(assignment({ ...params, blockOn: 'warn' }), NOW);

    expect(tolerant).toMatchObject({ kind: 'succeeded', outputs: { datasetVersionId: version.id } });
    expect(strict).toEqual({
      kind: 'failed',
      error:
        `dataset version ${version.id} is fresh but blocked (blockOn: warn) by 1 of its checks: ` +
        '"id present" warn (observed 4, threshold > 0 rows)',
      log: ['blocked by "id present" warn (observed 4, threshold > 0 rows)'],
    });
  });
});
