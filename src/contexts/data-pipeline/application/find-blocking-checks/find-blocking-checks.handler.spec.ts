import { describe, expect, it } from '@jest/globals';
import { newId } from '@libs/ddd';
import { aCheckRun } from '../../../../../test/support/data-pipeline/check-runs.js';
import { fakeCheckRunPorts } from '../../../../../test/support/data-pipeline/fake-check-run-ports.js';
import { ACTOR, OTHER_PROJECT, PROJECT } from '../../../../../test/support/data-pipeline/dataset-objects.js';
import type { CheckRun, StoredCheckResult } from '../../domain/checks/check-run.js';
import type { CheckStatus } from '../../domain/checks/check-result.js';
import { FindBlockingChecksHandler } from './find-blocking-checks.handler.js';

function result(check: string, status: CheckStatus, observedValue = 3): StoredCheckResult {
  return {
    id: newId(),
    check,
    kind: 'not_null',
    severity: status === 'fail' ? 'error' : 'warn',
    status,
    observedValue,
    threshold: '> 0 rows',
    details: {},
  };
}

function runOf(versionId: string, at: string, results: StoredCheckResult[]): CheckRun {
  return { ...aCheckRun({ versionId, createdAt: new Date(at) }), results };
}

async function setUp(projectId = PROJECT) {
  const ports = fakeCheckRunPorts();
  const version = await ports.versions.add({
    id: newId(),
    datasetId: newId(),
    projectId,
    format: 'csv',
    objectKey: 'data-pipeline/x/v.csv',
    sizeBytes: 1,
    sha256: 'ab',
    rowCount: 1,
    inferredSchema: [],
    profile: [],
    producer: { kind: 'upload', actorId: ACTOR },
    createdAt: new Date('2026-12-01T00:00:00Z'),
  });
  return { ports, version, handler: new FindBlockingChecksHandler(ports.versions, ports.runs) };
}

describe('FindBlockingChecksHandler', () => {
  it('names the latest warnings and failures for blockOn warn, only the failures for error, nothing for none', async () => {
    const { ports, version, handler } = await setUp();
    const run = runOf(version.id, '2026-12-02T00:00:00Z', [
      result('ids', 'pass'),
      result('emails', 'warn', 7),
      result('ages', 'fail', 2),
    ]);
    await ports.runs.add(run);
    const ask = (blockOn: 'error' | 'warn' | 'none') =>
      handler.execute({ projectId: PROJECT, datasetVersionIds: [version.id], blockOn });

    expect((await ask('warn')).map((check) => [check.name, check.outcome])).toEqual([
      ['emails', 'warn'],
      ['ages', 'fail'],
    ]);
    expect(await ask('error')).toEqual([
      {
        datasetVersionId: version.id,
        checkRunId: run.id,
        checkResultId: run.results[2].id,
        name: 'ages',
        kind: 'not_null',
        severity: 'error',
        outcome: 'fail',
        observedValue: 2,
        threshold: '> 0 rows',
      },
    ]);
    expect(await ask('none')).toEqual([]);
  });

  it('takes each check’s latest result: a rerun that passes clears it, a check of an older suite still counts', async () => {
    const { ports, version, handler } = await setUp();
    await ports.runs.add(runOf(version.id, '2026-12-02T00:00:00Z', [result('emails', 'fail'), result('ages', 'fail')]));
    await ports.runs.add(runOf(version.id, '2026-12-03T00:00:00Z', [result('emails', 'pass')]));

    const blocking = await handler.execute({ projectId: PROJECT, datasetVersionIds: [version.id], blockOn: 'error' });

    expect(blocking.map((check) => check.name)).toEqual(['ages']);
  });

  it('passes over versions of other projects, unknown ids and versions never checked', async () => {
    const theirs = await setUp(OTHER_PROJECT);
    await theirs.ports.runs.add(runOf(theirs.version.id, '2026-12-02T00:00:00Z', [result('emails', 'fail')]));

    const blocking = await theirs.handler.execute({
      projectId: PROJECT,
      datasetVersionIds: [theirs.version.id, newId()],
      blockOn: 'warn',
    });
    const unchecked = await setUp();

    expect(blocking).toEqual([]);
    await expect(
      unchecked.handler.execute({ projectId: PROJECT, datasetVersionIds: [unchecked.version.id], blockOn: 'warn' }),
    ).resolves.toEqual([]);
  });
});
