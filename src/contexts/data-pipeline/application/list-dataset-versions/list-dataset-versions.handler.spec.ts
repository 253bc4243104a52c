import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { fakeDataPipelinePorts } from '../../../../../test/support/data-pipeline/fake-ports.js';
import { ACTOR, aDataset, bytesOf } from '../../../../../test/support/data-pipeline/dataset-objects.js';
import { ListDatasetVersionsHandler } from './list-dataset-versions.handler.js';

describe('ListDatasetVersionsHandler', () => {
  it("answers the dataset's versions newest first, and not found for an unknown dataset", async () => {
    const ports = fakeDataPipelinePorts();
    const [dataset, other] = [aDataset('customers'), aDataset('orders')];
    for (const each of [dataset, other]) await ports.datasets.add(each);
    for (const each of [dataset, dataset, other])
      await ports.intake.intake(each, {
        body: bytesOf('id,name,score\n1,a,1\n'),
        format: 'csv',
        producer: { kind: 'upload', actorId: ACTOR },
      });
    const handler = new ListDatasetVersionsHandler(ports.datasets, ports.versions);

    const listed = await handler.execute({ datasetId: dataset.id });

    expect(listed.map((version) => [version.datasetId, version.number])).toEqual([
      [dataset.id, 2],
      [dataset.id, 1],
    ]);
    await expect(handler.execute({ datasetId: 'missing' })).rejects.toBeInstanceOf(NotFoundError);
  });
});
