import { describe, expect, it } from '@jest/globals';
import { fakeDataPipelinePorts } from '../../../../../test/support/data-pipeline/fake-ports.js';
import { aDataset, OTHER_PROJECT, PROJECT } from '../../../../../test/support/data-pipeline/dataset-objects.js';
import { ListDatasetsHandler } from './list-datasets.handler.js';

describe('ListDatasetsHandler', () => {
  it("answers the project's datasets by name, none of another project's", async () => {
    const { datasets } = fakeDataPipelinePorts();
    for (const dataset of [aDataset('orders'), aDataset('customers'), aDataset('secret', OTHER_PROJECT)])
      await datasets.add(dataset);

    const listed = await new ListDatasetsHandler(datasets).execute({ projectId: PROJECT });

    expect(listed.map((dataset) => dataset.snapshot.name)).toEqual(['customers', 'orders']);
  });
});
