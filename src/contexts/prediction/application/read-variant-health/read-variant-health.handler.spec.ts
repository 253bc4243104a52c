import { describe, expect, it } from '@jest/globals';
import { ValidationError } from '@libs/ddd';
import { PlantedVariantHealth } from '../../../../../test/support/prediction/health-fakes.js';
import { ReadVariantHealthHandler } from './read-variant-health.handler.js';

const health = { deploymentId: 'd1', variant: 'blue', requests: 10, errors: 2, p99Seconds: 0.3 };

describe('ReadVariantHealthHandler', () => {
  it("answers the project's variants over the window", async () => {
    const reader = new PlantedVariantHealth([
      { ...health, projectId: 'p1' },
      { ...health, projectId: 'p2', deploymentId: 'd2' },
    ]);
    const window = { since: new Date(1_000), until: new Date(2_000) };
    const answer = await new ReadVariantHealthHandler(reader).execute({ projectId: 'p1', ...window });
    expect(answer).toEqual([{ ...health, projectId: 'p1' }]);
    expect(reader.asked).toEqual([{ projectId: 'p1', ...window }]);
  });

  it('refuses a window that ends before it starts', async () => {
    const handler = new ReadVariantHealthHandler(new PlantedVariantHealth());
    const query = { projectId: null, since: new Date(2_000), until: new Date(2_000) };
    await expect(handler.execute(query)).rejects.toBeInstanceOf(ValidationError);
  });
});
