import { describe, expect, it } from '@jest/globals';
import { newId, NotFoundError } from '@libs/ddd';
import { aDataset, ACTOR, OTHER_PROJECT, PROJECT } from '../../../../../test/support/data-pipeline/dataset-objects.js';
import { fakeDataPipelinePorts } from '../../../../../test/support/data-pipeline/fake-ports.js';
import type { Dataset } from '../../domain/dataset/dataset.js';
import { CheckDatasetFreshnessHandler } from './check-dataset-freshness.handler.js';

const HOUR = 3_600_000;
const NOW = new Date('2026-12-07T12:00:00Z');

async function versionOf(ports: ReturnType<typeof fakeDataPipelinePorts>, dataset: Dataset, createdAt: Date) {
  return ports.versions.add({
    id: newId(),
    datasetId: dataset.id,
    projectId: dataset.projectId,
    format: 'csv',
    objectKey: `data-pipeline/${dataset.id}/${createdAt.getTime()}.csv`,
    sizeBytes: 10,
    sha256: 'ab',
    rowCount: 1,
    inferredSchema: [],
    profile: [],
    producer: { kind: 'upload', actorId: ACTOR },
    createdAt,
  });
}

describe('CheckDatasetFreshnessHandler', () => {
  it('answers fresh when the newest version is younger than the accepted age, naming that version', async () => {
    const ports = fakeDataPipelinePorts();
    const dataset = aDataset();
    await ports.datasets.add(dataset);
    await versionOf(ports, dataset, new Date(NOW.getTime() - 30 * HOUR));
    const newest = await versionOf(ports, dataset, new Date(NOW.getTime() - 2 * HOUR));
    const handler = new CheckDatasetFreshnessHandler(ports.datasets, ports.versions);

    const answer = await handler.execute({ projectId: PROJECT, datasetId: dataset.id, maxAgeMs: 6 * HOUR, at: NOW });

    expect(answer).toEqual({
      fresh: true,
      newest: { versionId: newest.id, number: 2, createdAt: newest.createdAt },
    });
  });

  it('answers stale when the newest version is as old as the accepted age or older, and when there is none', async () => {
    const ports = fakeDataPipelinePorts();
    const [empty, old] = [aDataset('empty'), aDataset('old')];
    await ports.datasets.add(empty);
    await ports.datasets.add(old);
    const version = await versionOf(ports, old, new Date(NOW.getTime() - 6 * HOUR));
    const handler = new CheckDatasetFreshnessHandler(ports.datasets, ports.versions);

    await expect(
      handler.execute({ projectId: PROJECT, datasetId: empty.id, maxAgeMs: 6 * HOUR, at: NOW }),
    ).resolves.toEqual({ fresh: false });
    await expect(
      handler.execute({ projectId: PROJECT, datasetId: old.id, maxAgeMs: 6 * HOUR, at: NOW }),
    ).resolves.toMatchObject({ fresh: false, newest: { versionId: version.id } });
  });

  it('answers not found for another project’s dataset and for an unknown one', async () => {
    const ports = fakeDataPipelinePorts();
    const elsewhere = aDataset('theirs', OTHER_PROJECT);
    await ports.datasets.add(elsewhere);
    await versionOf(ports, elsewhere, NOW);
    const handler = new CheckDatasetFreshnessHandler(ports.datasets, ports.versions);

    for (const datasetId of [elsewhere.id, newId()])
      await expect(handler.execute({ projectId: PROJECT, datasetId, maxAgeMs: HOUR, at: NOW })).rejects.toBeInstanceOf(
        NotFoundError,
      );
  });
});
