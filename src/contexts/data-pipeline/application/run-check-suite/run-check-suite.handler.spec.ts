import { describe, expect, it } from '@jest/globals';
import { NotFoundError, ValidationError } from '@libs/ddd';
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
import type { CheckSuiteInput } from '../../domain/checks/check-suite.js';
import type { DatasetVersion } from '../../domain/dataset/dataset-version.js';

const NULL_NAMES: CheckResult = {
  check: 'name present',
  kind: 'not_null',
  severity: 'error',
  status: 'fail',
  observedValue: 2,
  threshold: '> 0 rows',
  failingRows: { total: 2, keys: [[2], [3]], keyColumns: ['id'] },
  details: {},
};
const FEW_ROWS: CheckResult = {
  check: 'enough rows',
  kind: 'row_count_between',
  severity: 'warn',
  status: 'warn',
  observedValue: 3,
  threshold: 'between 10 and -',
  details: {},
};
const passed = (result: CheckResult): CheckResult => ({ ...result, status: 'pass' });

async function aVersion(ports: CheckRunPorts, projectId?: string): Promise<DatasetVersion> {
  const dataset = aDataset(`customers-${ports.datasets.rows.size}`, projectId);
  await ports.datasets.add(dataset);
  return ports.intake.intake(dataset, {
    body: bytesOf('id,name,score\n1,a,1\n2,,2\n3,,3\n'),
    format: 'csv',
    producer: { kind: 'upload', actorId: ACTOR },
  });
}

const SUITE = {
  checks: [
    { name: 'name present', kind: 'not_null', column: 'name' },
    { name: 'enough rows', kind: 'row_count_between', min: 10, severity: 'warn' },
  ],
  failingKeyLimit: 5,
} as const;

describe('RunCheckSuiteHandler', () => {
  it('runs the suite on a copy of the version, stores the results under ids, publishes failed and records lineage', async () => {
    const ports = fakeCheckRunPorts();
    const version = await aVersion(ports);
    ports.engine.suiteResults = [NULL_NAMES, FEW_ROWS];
    ports.events.published.length = 0;

    const run = await ports.runSuite.execute({ versionId: version.id, suite: SUITE, actorId: ACTOR });

    const [engineRun] = ports.engine.suiteRuns;
    expect(engineRun?.table).toMatchObject({ path: `/copies/${version.objectKey}`, format: 'csv' });
    expect(engineRun?.table.columns?.map((column) => column.name)).toEqual(['id', 'name', 'score']);
    expect(engineRun?.primaryKey).toEqual(['id']);
    expect(engineRun?.suite.failingKeyLimit).toBe(5);
    expect(run).toMatchObject({ versionId: version.id, projectId: version.projectId, status: 'fail', actorId: ACTOR });
    expect(run.results.map(({ id, ...result }) => ({ id: typeof id, ...result }))).toEqual([
      { id: 'string', ...NULL_NAMES },
      { id: 'string', ...FEW_ROWS },
    ]);
    expect(ports.runs.rows.get(run.id)).toEqual(run);
    expect(ports.events.published).toEqual([
      {
        type: 'data-pipeline.check-suite.failed.v1',
        subject: { aggregateId: run.id },
        payload: {
          projectId: version.projectId,
          datasetId: version.datasetId,
          versionId: version.id,
          checkRunId: run.id,
          checks: [
            expect.objectContaining({ checkResultId: run.results[0]?.id, status: 'fail', failingRows: 2 }),
            expect.objectContaining({ checkResultId: run.results[1]?.id, status: 'warn', failingRows: null }),
          ],
        },
      },
    ]);
    for (const result of run.results)
      expect(ports.graph.edges).toContainEqual(
        expect.objectContaining({
          from: { type: 'check-result', id: result.id },
          to: { type: 'dataset-version', id: version.id },
          kind: 'checked',
        }),
      );
  });

  it.each([
    [[passed(NULL_NAMES), FEW_ROWS], 'data-pipeline.check-suite.warned.v1', 'warn'],
    [[passed(NULL_NAMES), passed(FEW_ROWS)], 'data-pipeline.check-suite.passed.v1', 'pass'],
  ] as const)('publishes the run’s worst status (%#)', async (results, type, status) => {
    const ports = fakeCheckRunPorts();
    const version = await aVersion(ports);
    ports.engine.suiteResults = results;
    ports.events.published.length = 0;

    const run = await ports.runSuite.execute({ versionId: version.id, suite: SUITE, actorId: ACTOR });

    expect(run.status).toBe(status);
    expect(ports.events.published.map((event) => event.type)).toEqual([type]);
  });

  it('hands a reference version of the project over by its id, and refuses one of another project naming the check', async () => {
    const ports = fakeCheckRunPorts();
    const version = await aVersion(ports);
    const reference = await aVersion(ports);
    const elsewhere = await aVersion(ports, OTHER_PROJECT);
    ports.engine.suiteResults = [];
    const drift = (ref: string): CheckSuiteInput => ({
      checks: [{ name: 'drift', kind: 'ks_drift', column: 'score', reference: ref, maxStatistic: 0.2 }],
    });

    await ports.runSuite.execute({ versionId: version.id, suite: drift(reference.id), actorId: ACTOR });
    const refused = ports.runSuite.execute({ versionId: version.id, suite: drift(elsewhere.id), actorId: ACTOR });

    expect([...(ports.engine.suiteRuns[0]?.references ?? new Map())]).toEqual([
      [reference.id, expect.objectContaining({ path: `/copies/${reference.objectKey}` })],
    ]);
    await expect(refused).rejects.toMatchObject({
      errors: [expect.objectContaining({ field: 'checks[0].reference' })],
    });
    expect(ports.engine.suiteRuns).toHaveLength(1);
  });

  it('refuses a bad suite naming the field, before copying anything, and an unknown version', async () => {
    const ports = fakeCheckRunPorts();
    const version = await aVersion(ports);
    const copiesBefore = ports.copies.copied.length;
    const suite: CheckSuiteInput = {
      checks: [SUITE.checks[0], { name: 'x', kind: 'not_null', column: 'name', threshold: 'lots' }],
    };

    const refused = ports.runSuite.execute({ versionId: version.id, suite, actorId: ACTOR });

    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await expect(refused).rejects.toMatchObject({
      errors: [expect.objectContaining({ field: 'checks[1].threshold' })],
    });
    expect(ports.copies.copied).toHaveLength(copiesBefore);
    expect(ports.runs.rows.size).toBe(0);
    await expect(ports.runSuite.execute({ versionId: 'missing', suite: SUITE, actorId: ACTOR })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('answers not found for another project’s version when the caller names its project, as a workflow task does', async () => {
    const ports = fakeCheckRunPorts();
    const theirs = await aVersion(ports, OTHER_PROJECT);
    ports.engine.suiteResults = [passed(NULL_NAMES), passed(FEW_ROWS)];
    const copiesBefore = ports.copies.copied.length;

    const refused = ports.runSuite.execute({ versionId: theirs.id, suite: SUITE, actorId: ACTOR, projectId: PROJECT });

    await expect(refused).rejects.toBeInstanceOf(NotFoundError);
    expect(ports.copies.copied).toHaveLength(copiesBefore);
    expect(ports.runs.rows.size).toBe(0);
    await expect(
      ports.runSuite.execute({ versionId: theirs.id, suite: SUITE, actorId: ACTOR, projectId: OTHER_PROJECT }),
    ).resolves.toMatchObject({ status: 'pass' });
  });
});
