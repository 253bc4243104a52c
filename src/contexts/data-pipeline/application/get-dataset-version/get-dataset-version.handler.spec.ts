import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { fakeDataPipelinePorts } from '../../../../../test/support/data-pipeline/fake-ports.js';
import { ACTOR, aDataset, bytesOf } from '../../../../../test/support/data-pipeline/dataset-objects.js';
import { GetDatasetVersionHandler } from './get-dataset-version.handler.js';

describe('GetDatasetVersionHandler', () => {
  it('answers the version with its profile, and not found for an unknown id', async () => {
    const ports = fakeDataPipelinePorts();
    const dataset = aDataset();
    await ports.datasets.add(dataset);
    const version = await ports.intake.intake(dataset, {
      body: bytesOf('id,name,score\n1,,1\n'),
      format: 'csv',
      producer: { kind: 'upload', actorId: ACTOR },
    });
    const handler = new GetDatasetVersionHandler(ports.versions);

    const found = await handler.execute({ versionId: version.id });

    expect(found).toEqual(version);
    expect(found.profile.find((column) => column.name === 'name')?.nulls).toBe(1);
    await expect(handler.execute({ versionId: 'missing' })).rejects.toBeInstanceOf(NotFoundError);
  });
});
