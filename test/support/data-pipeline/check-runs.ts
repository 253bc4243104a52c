import { newId } from '@libs/ddd';
import type { CheckRun } from '../../../src/contexts/data-pipeline/domain/checks/check-run.js';
import type { DatasetVersion } from '../../../src/contexts/data-pipeline/domain/dataset/dataset-version.js';
import { ACTOR, PROJECT } from './dataset-objects.js';

/** A passed run of one not_null check on `versionId`, made at `createdAt`. */
export function aCheckRun({
  versionId,
  createdAt = new Date('2026-12-01T00:00:00Z'),
}: {
  versionId: string;
  createdAt?: Date;
}): CheckRun {
  return {
    id: newId(),
    projectId: PROJECT,
    datasetId: newId(),
    versionId,
    pipelineRunId: null,
    status: 'pass',
    suite: { checks: [{ name: 'id present', kind: 'not_null', column: 'id' }] },
    results: [
      {
        id: newId(),
        check: 'id present',
        kind: 'not_null',
        severity: 'error',
        status: 'pass',
        observedValue: 0,
        threshold: '> 0 rows',
        failingRows: { total: 0, keys: [], keyColumns: ['id'] },
        details: {},
      },
    ],
    actorId: ACTOR,
    createdAt,
  };
}

/** A version of 4 rows whose `score` column has a three-bin histogram; `name` is its other column. */
export function aProfiledVersion(name = 'name'): DatasetVersion {
  const column = { nulls: 0, distinctEstimate: 4, quantiles: null, topValues: [] };
  return {
    id: newId(),
    datasetId: newId(),
    projectId: PROJECT,
    number: 3,
    format: 'csv',
    objectKey: 'data-pipeline/x/y.csv',
    sizeBytes: 40,
    sha256: 'ab',
    rowCount: 4,
    inferredSchema: [],
    profile: [
      { ...column, name, type: 'string', min: 'a', max: 'd', mean: null, stddev: null, histogram: null },
      {
        ...column,
        name: 'score',
        type: 'float',
        min: 1,
        max: 4,
        mean: 2.5,
        stddev: 1.29,
        histogram: [
          { lower: 1, upper: 2, count: 2 },
          { lower: 2, upper: 3, count: 1 },
          { lower: 3, upper: 4, count: 1 },
        ],
      },
    ],
    producer: { kind: 'upload', actorId: ACTOR },
    createdAt: new Date('2026-12-01T00:00:00Z'),
  };
}
