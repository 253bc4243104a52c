import { describe, expect, it } from '@jest/globals';
import { ValidationError } from '@libs/ddd';
import { fakeDataPipelinePorts } from '../../../../../test/support/data-pipeline/fake-ports.js';
import {
  ACTOR,
  CUSTOMER_SCHEMA,
  OTHER_PROJECT,
  PROJECT,
} from '../../../../../test/support/data-pipeline/dataset-objects.js';
import { DatasetNameTaken } from '../../domain/errors.js';
import { CreateDatasetHandler } from './create-dataset.handler.js';

const command = (name: string, projectId = PROJECT) => ({
  projectId,
  name,
  schema: { columns: [...CUSTOMER_SCHEMA.columns], primaryKey: [...CUSTOMER_SCHEMA.primaryKey] },
  actorId: ACTOR,
});

describe('CreateDatasetHandler', () => {
  it('stores the dataset with its declared schema', async () => {
    const { datasets } = fakeDataPipelinePorts();
    const handler = new CreateDatasetHandler(datasets);

    const created = await handler.execute({ ...command(' customers '), description: 'people who buy' });

    expect(datasets.rows.get(created.id)?.snapshot).toMatchObject({
      projectId: PROJECT,
      name: 'customers',
      description: 'people who buy',
      createdBy: ACTOR,
    });
    expect(created.schema.primaryKey).toEqual(['id']);
    expect(created.schema.column('score')).toEqual({ name: 'score', type: 'float', nullable: true });
  });

  it('refuses a name the project has, and allows it in another project', async () => {
    const { datasets } = fakeDataPipelinePorts();
    const handler = new CreateDatasetHandler(datasets);
    await handler.execute(command('customers'));

    await expect(handler.execute(command('customers'))).rejects.toBeInstanceOf(DatasetNameTaken);
    await expect(handler.execute(command('customers', OTHER_PROJECT))).resolves.toMatchObject({
      projectId: OTHER_PROJECT,
    });
    expect(datasets.rows.size).toBe(2);
  });

  it('refuses an invalid schema and a name outside the safe alphabet, storing nothing', async () => {
    const { datasets } = fakeDataPipelinePorts();
    const handler = new CreateDatasetHandler(datasets);

    await expect(
      handler.execute({ ...command('customers'), schema: { columns: [], primaryKey: [] } }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(handler.execute(command('../customers'))).rejects.toBeInstanceOf(ValidationError);
    expect(datasets.rows.size).toBe(0);
  });
});
