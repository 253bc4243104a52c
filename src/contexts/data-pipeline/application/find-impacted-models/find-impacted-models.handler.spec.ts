import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { fakeLineagePorts } from '../../../../../test/support/data-pipeline/fake-lineage-ports.js';
import { recordScenario } from '../../../../../test/support/data-pipeline/lineage-scenario.js';
import { FindImpactedModelsHandler } from './find-impacted-models.handler.js';

describe('FindImpactedModelsHandler', () => {
  it('names the model versions trained on the data the check result is about, in its project only', async () => {
    const ports = fakeLineagePorts();
    await recordScenario(ports);

    const impact = await new FindImpactedModelsHandler(ports.graph).execute({ checkResultId: 'check-1' });

    expect(impact.checkResult.facets.check).toMatchObject({ outcome: 'fail', datasetVersionId: 'raw' });
    expect(impact.impacted.map((node) => node.id)).toEqual(['model-v1']);
  });

  it('answers not found for a check result the graph has not recorded', async () => {
    const ports = fakeLineagePorts();

    await expect(new FindImpactedModelsHandler(ports.graph).execute({ checkResultId: 'nope' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
