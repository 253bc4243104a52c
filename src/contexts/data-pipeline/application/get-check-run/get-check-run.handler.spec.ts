import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { InMemoryCheckRunRepository } from '../../../../../test/support/data-pipeline/fake-check-run-ports.js';
import { aCheckRun } from '../../../../../test/support/data-pipeline/check-runs.js';
import { GetCheckRunHandler } from './get-check-run.handler.js';

describe('GetCheckRunHandler', () => {
  it('answers a stored run, and not found for an unknown id', async () => {
    const runs = new InMemoryCheckRunRepository();
    const run = aCheckRun({ versionId: 'v-1' });
    await runs.add(run);
    const handler = new GetCheckRunHandler(runs);

    await expect(handler.execute({ checkRunId: run.id })).resolves.toEqual(run);
    await expect(handler.execute({ checkRunId: 'missing' })).rejects.toBeInstanceOf(NotFoundError);
  });
});
