import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import type { TaskAssignment } from '@contexts/workflow-engine';
import {
  fakeCheckRunPorts,
  type CheckRunPorts,
} from '../../../../../test/support/data-pipeline/fake-check-run-ports.js';
import {
  ACTOR,
  aDataset,
  bytesOf,
  OTHER_PROJECT,
  PROJECT,
} from '../../../../../test/support/data-pipeline/dataset-objects.js';
import type { CheckResult } from '../../domain/checks/check-result.js';
import { ValidateTask } from './validate-task.js';

const SUITE = {
  checks: [
    { name: 'ids present', kind: 'not_null', column: 'id' },
    { name: 'names mostly present', kind: 'not_null', column: 'name', severity: 'warn' },
  ],
};
const PASSED: CheckResult = {
  check: 'ids present',
  kind: 'not_null',
  severity: 'error',
  status: 'pass',
  observedValue: 0,
  threshold: '> 0 rows',
  details: {},
};
const WARNED: CheckResult = {
  ...PASSED,
  check: 'names mostly present',
  severity: 'warn',
  status: 'warn',
  observedValue: 2,
};

async function versionIn(ports: CheckRunPorts, projectId = PROJECT): Promise<string> {
  const dataset = aDataset(`customers-${ports.datasets.rows.size}`, projectId);
  await ports.datasets.add(dataset);
  const version = await ports.intake.intake(dataset, {
    body: bytesOf('id,name,score\n1,a,1\n2,,2\n3,,3\n'),
    format: 'csv',
    producer: { kind: 'upload', actorId: ACTOR },
  });
  return version.id;
}

function assignment(params: unknown, projectId = PROJECT): TaskAssignment {
  return {
    runId: 'run-1',
    key: 'validate',
    attempt: 1,
    type: 'data.validate',
    taskId: 'validate',
    workflowId: 'workflow-1',
    projectId,
    actorId: ACTOR,
    params,
  };
}

describe('ValidateTask', () => {
  it('records a check run like the API does, and succeeds under blockOn error with the verdict and counts', async () => {
    const ports = fakeCheckRunPorts();
    const datasetVersionId = await versionIn(ports);
    ports.engine.suiteResults = [PASSED, WARNED];
    const task = new ValidateTask(ports.runSuite);

    const outcome = await task.run(assignment({ datasetVersionId, suite: SUITE }), ACTOR);

    const [run] = [...ports.runs.rows.values()];
    expect(outcome).toEqual({
      kind: 'succeeded',
      outputs: {
        checkRunId: run.id,
        datasetVersionId,
        verdict: 'warn',
        counts: { pass: 1, warn: 1, fail: 0 },
        blockOn: 'error',
      },
    });
    expect(run).toMatchObject({ actorId: ACTOR, projectId: PROJECT, status: 'warn' });
    expect(ports.events.published.map((event) => event.type)).toContain('data-pipeline.check-suite.warned.v1');
  });

  it('fails under blockOn warn, naming each blocking check with its outcome, observed value and threshold', async () => {
    const ports = fakeCheckRunPorts();
    const datasetVersionId = await versionIn(ports);
    ports.engine.suiteResults = [PASSED, WARNED];

    const outcome = await new ValidateTask(ports.runSuite).run(
      assignment({ datasetVersionId, suite: SUITE, blockOn: 'warn' }),
      ACTOR,
    );

    const [run] = [...ports.runs.rows.values()];
    expect(outcome).toEqual({
      kind: 'failed',
      error:
        `dataset version ${datasetVersionId} is blocked (blockOn: warn) by 1 of its checks in check run ${run.id}: ` +
        '"names mostly present" warn (observed 2, threshold > 0 rows)',
      log: [
        `check run ${run.id}: verdict warn`,
        'blocked by "names mostly present" warn (observed 2, threshold > 0 rows)',
      ],
    });
  });

  it('never blocks with blockOn none, and answers not found for another project’s version', async () => {
    const ports = fakeCheckRunPorts();
    const datasetVersionId = await versionIn(ports);
    const theirs = await versionIn(ports, OTHER_PROJECT);
    ports.engine.suiteResults = [{ ...PASSED, status: 'fail', observedValue: 9 }];
    const task = new ValidateTask(ports.runSuite);

    await expect(
      task.run(assignment({ datasetVersionId, suite: SUITE, blockOn: 'none' }), ACTOR),
    ).resolves.toMatchObject({ kind: 'succeeded', outputs: { verdict: 'fail', counts: { fail: 1 } } });
    await expect(task.run(assignment({ datasetVersionId: theirs, suite: SUITE }), ACTOR)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
