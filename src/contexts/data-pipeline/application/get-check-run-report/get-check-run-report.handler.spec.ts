import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { aCheckRun } from '../../../../../test/support/data-pipeline/check-runs.js';
import { fakeCheckRunPorts } from '../../../../../test/support/data-pipeline/fake-check-run-ports.js';
import { ACTOR, aDataset, bytesOf } from '../../../../../test/support/data-pipeline/dataset-objects.js';
import { GetCheckRunReportHandler } from './get-check-run-report.handler.js';

describe('GetCheckRunReportHandler', () => {
  it('answers the run with the version it checked, and not found for an unknown run', async () => {
    const ports = fakeCheckRunPorts();
    const dataset = aDataset();
    await ports.datasets.add(dataset);
    const version = await ports.intake.intake(dataset, {
      body: bytesOf('id,name,score\n1,a,1\n'),
      format: 'csv',
      producer: { kind: 'upload', actorId: ACTOR },
    });
    const run = aCheckRun({ versionId: version.id });
    await ports.runs.add(run);
    const handler = new GetCheckRunReportHandler(ports.runs, ports.versions);

    await expect(handler.execute({ checkRunId: run.id })).resolves.toEqual({ run, version });
    await expect(handler.execute({ checkRunId: 'missing' })).rejects.toBeInstanceOf(NotFoundError);
  });
});
