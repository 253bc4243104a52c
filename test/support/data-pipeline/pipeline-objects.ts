import type { CheckResult } from '../../../src/contexts/data-pipeline/domain/checks/check-result.js';
import type { DatasetVersion } from '../../../src/contexts/data-pipeline/domain/dataset/dataset-version.js';
import type { Pipeline } from '../../../src/contexts/data-pipeline/domain/pipeline/pipeline.js';
import { ACTOR, aDataset, bytesOf, PROJECT } from './dataset-objects.js';
import type { PipelinePorts } from './fake-pipeline-ports.js';

/** A customers version to extract, and the `clean` and `quarantine` datasets a pipeline loads into. */
export async function aPipelineWorld(ports: PipelinePorts, projectId = PROJECT): Promise<DatasetVersion> {
  const source = aDataset('customers', projectId);
  await ports.datasets.add(source);
  for (const name of ['clean', 'quarantine']) await ports.datasets.add(aDataset(name, projectId));
  return ports.intake.intake(source, {
    body: bytesOf('id,name,score\n1,a,1\n2,,2\n3,c,3\n'),
    format: 'csv',
    producer: { kind: 'upload', actorId: ACTOR },
  });
}

/** extract -> transform -> validate (quarantining unless told not to) -> load. */
export function aDefinition(versionId: string, { quarantine = true } = {}) {
  return {
    steps: [
      { name: 'raw', kind: 'extract', source: { kind: 'dataset-version', versionId } },
      {
        name: 'shaped',
        kind: 'transform',
        input: 'raw',
        operations: [{ op: 'derive', column: 'flag', expression: 'score > 1' }],
      },
      {
        name: 'checked',
        kind: 'validate',
        input: 'shaped',
        key: ['id'],
        suite: { checks: [{ name: 'name present', kind: 'not_null', column: 'name' }] },
        ...(quarantine && { quarantine: { dataset: 'quarantine' } }),
      },
      { name: 'store', kind: 'load', input: 'checked', dataset: 'clean' },
    ],
  };
}

export async function aPipeline(
  ports: PipelinePorts,
  version: DatasetVersion,
  options: { quarantine?: boolean } = {},
): Promise<Pipeline> {
  const { pipeline } = await ports.creating.execute({
    projectId: version.projectId,
    name: 'cleaning',
    definition: aDefinition(version.id, options),
    actorId: ACTOR,
  });
  return pipeline;
}

/** What the engine finds in the world's rows: the row with id 2 has no name (an error check fails on it). */
export const NULL_NAMES: CheckResult = {
  check: 'name present',
  kind: 'not_null',
  severity: 'error',
  status: 'fail',
  observedValue: 1,
  threshold: '> 0 rows',
  failingRows: { total: 1, keys: [[2]], keyColumns: ['id'] },
  details: {},
};

/** Scripts the fakes as the engine would run `aDefinition` over the world's rows: one name missing. */
export function scriptOneNullName(ports: PipelinePorts): void {
  ports.workspaces.content = 'id,name,score\n1,a,1.5\n3,c,3.5\n';
  ports.engine.suiteResults = [NULL_NAMES];
}
