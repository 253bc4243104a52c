import { newId } from '@libs/ddd';
import type { CheckRun } from '../../../src/contexts/data-pipeline/domain/checks/check-run.js';
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
