import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { fakeDataPipelinePorts } from '../../../../../test/support/data-pipeline/fake-ports.js';
import { aDataset } from '../../../../../test/support/data-pipeline/dataset-objects.js';
import { GetDatasetHandler } from './get-dataset.handler.js';

describe('GetDatasetHandler', () => {
  it('answers the dataset, and not found for an unknown id', async () => {
    const { datasets } = fakeDataPipelinePorts();
    const dataset = aDataset();
    await datasets.add(dataset);
    const handler = new GetDatasetHandler(datasets);

    await expect(handler.execute({ datasetId: dataset.id })).resolves.toBe(dataset);
    await expect(handler.execute({ datasetId: 'missing' })).rejects.toBeInstanceOf(NotFoundError);
  });
});
