import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { aCheckRun } from '../../../../../test/support/data-pipeline/check-runs.js';
import { fakeCheckRunPorts } from '../../../../../test/support/data-pipeline/fake-check-run-ports.js';
import { ACTOR, aDataset, bytesOf } from '../../../../../test/support/data-pipeline/dataset-objects.js';
import { ListCheckRunsHandler } from './list-check-runs.handler.js';

describe('ListCheckRunsHandler', () => {
  it("answers the version's runs newest first, none of another version, and not found for an unknown version", async () => {
    const ports = fakeCheckRunPorts();
    const dataset = aDataset();
    await ports.datasets.add(dataset);
    const version = await ports.intake.intake(dataset, {
      body: bytesOf('id,name,score\n1,a,1\n'),
      format: 'csv',
      producer: { kind: 'upload', actorId: ACTOR },
    });
    const older = aCheckRun({ versionId: version.id, createdAt: new Date('2026-12-01T00:00:00Z') });
    const newer = aCheckRun({ versionId: version.id, createdAt: new Date('2026-12-02T00:00:00Z') });
    await ports.runs.add(older);
    await ports.runs.add(newer);
    await ports.runs.add(aCheckRun({ versionId: 'another-version' }));
    const handler = new ListCheckRunsHandler(ports.versions, ports.runs);

    const runs = await handler.execute({ versionId: version.id });

    expect(runs.map((run) => run.id)).toEqual([newer.id, older.id]);
    await expect(handler.execute({ versionId: 'missing' })).rejects.toBeInstanceOf(NotFoundError);
  });
});
