import { describe, expect, it } from '@jest/globals';
import { fakeDataPipelinePorts } from '../../../../../test/support/data-pipeline/fake-ports.js';
import {
  ACTOR,
  aDataset,
  aRunId,
  bytesOf,
  OTHER_PROJECT,
  PROJECT,
} from '../../../../../test/support/data-pipeline/dataset-objects.js';
import { ObjectKeyOutsideProject, RegisteredObjectMissing } from '../../domain/errors.js';
import { RegisterDatasetVersionHandler } from './register-dataset-version.handler.js';

const CSV = 'id,name,score\n1,ada,2.5\n2,bob,1\n';

async function arrange() {
  const ports = fakeDataPipelinePorts();
  const dataset = aDataset();
  await ports.datasets.add(dataset);
  const handler = new RegisterDatasetVersionHandler(ports.datasets, ports.store, ports.intake);
  return { ports, dataset, handler };
}

describe('RegisterDatasetVersionHandler', () => {
  it("copies an object of the project to the version's own key and records the run that wrote it", async () => {
    const { ports, dataset, handler } = await arrange();
    const objectKey = `data-pipeline/${PROJECT}/exports/day-1.csv`;
    await ports.store.put(objectKey, bytesOf(CSV), { maxBytes: 1024 });
    const runId = aRunId();

    const version = await handler.execute({
      datasetId: dataset.id,
      objectKey,
      format: 'csv',
      producer: { kind: 'pipeline-run', runId },
      actorId: ACTOR,
    });

    expect(version).toMatchObject({ rowCount: 2, producer: { kind: 'pipeline-run', runId, actorId: ACTOR } });
    expect(version.objectKey).not.toBe(objectKey);
    expect(ports.store.objects.get(version.objectKey)?.bytes.toString()).toBe(CSV);
    expect(ports.store.objects.get(objectKey)?.bytes.toString()).toBe(CSV);
    expect(ports.events.published.map((event) => event.payload)).toEqual([
      expect.objectContaining({ producer: { kind: 'pipeline-run', actorId: ACTOR, runId } }),
    ]);
  });

  it("refuses a key outside the project's prefix before reading it", async () => {
    const { ports, dataset, handler } = await arrange();
    const foreign = `data-pipeline/${OTHER_PROJECT}/exports/day-1.csv`;
    await ports.store.put(foreign, bytesOf(CSV), { maxBytes: 1024 });

    await expect(
      handler.execute({ datasetId: dataset.id, objectKey: foreign, format: 'csv', actorId: ACTOR }),
    ).rejects.toBeInstanceOf(ObjectKeyOutsideProject);
    expect(ports.copies.copied).toEqual([]);
    expect(ports.versions.rows.size).toBe(0);
  });

  it('refuses a key with no object', async () => {
    const { dataset, handler } = await arrange();

    await expect(
      handler.execute({
        datasetId: dataset.id,
        objectKey: `data-pipeline/${PROJECT}/nothing.csv`,
        format: 'csv',
        actorId: ACTOR,
      }),
    ).rejects.toBeInstanceOf(RegisteredObjectMissing);
  });
});
