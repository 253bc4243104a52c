import { Readable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { FacadeUnavailable, type LogRecord, type LogSearchCriteria } from '@libs/platform';
import { LoopbackFacadeTransport, RecordingLogSource } from '@libs/testing';
import {
  DatasetFiles,
  type DatasetVersionSummary,
  type ProducedVersion,
  type RegisteredVersion,
  type VersionRows,
} from '../../contracts/dataset-files.facade.js';
import {
  DatasetQualityFacade,
  type BlockingCheck,
  type BlockingChecksQuery,
} from '../../contracts/dataset-quality.facade.js';
import { LineageFacade } from '../../contracts/lineage.facade.js';
import { DataPipelineFacadesController } from '../../interface/http/internal/data-pipeline-facades.controller.js';
import { PipelineRunLogFacadeController } from '../../interface/http/internal/pipeline-run-log-facade.controller.js';
import {
  HttpDatasetFiles,
  HttpDatasetQualityFacade,
  HttpLineageFacade,
  HttpPipelineRunLogSource,
} from './http-data-pipeline.facades.js';

const SUMMARY: DatasetVersionSummary = { versionId: 'dv1', datasetId: 'd1', rowCount: 3, columns: ['a', 'b'] };
const CHECK: BlockingCheck = {
  datasetVersionId: 'dv1',
  checkRunId: 'cr1',
  checkResultId: 'res1',
  name: 'no nulls',
  kind: 'not_null',
  severity: 'error',
  outcome: 'fail',
  observedValue: null,
  threshold: '0',
};

class OwnerLineage extends LineageFacade {
  knowsRun(runId: string): Promise<boolean> {
    return Promise.resolve(runId === 'run-1');
  }
}

class OwnerQuality extends DatasetQualityFacade {
  readonly queries: BlockingChecksQuery[] = [];
  blockingChecks(query: BlockingChecksQuery): Promise<readonly BlockingCheck[]> {
    this.queries.push(query);
    return Promise.resolve(query.blockOn === 'none' ? [] : [CHECK]);
  }
}

class OwnerFiles extends DatasetFiles {
  summaryOf(projectId: string, versionId: string): Promise<DatasetVersionSummary | undefined> {
    return Promise.resolve(projectId === 'p1' && versionId === 'dv1' ? SUMMARY : undefined);
  }
  hasDataset(projectId: string, datasetId: string): Promise<boolean> {
    return Promise.resolve(projectId === 'p1' && datasetId === 'd1');
  }
  withRowsOf<T>(_projectId: string, _versionId: string, _work: (rows: VersionRows) => Promise<T>): Promise<T> {
    throw new Error('not reached over HTTP');
  }
  register(_produced: ProducedVersion): Promise<RegisteredVersion> {
    throw new Error('not reached over HTTP');
  }
}

const LINE: LogRecord = {
  source: 'pipeline-run',
  seq: '41',
  at: new Date('2026-12-07T09:30:00.123Z'),
  level: 'warn',
  message: 'step checked quarantined 3 rows',
  runId: 'run-1',
  taskId: 'checked',
  attempt: 2,
};

function bindings() {
  const quality = new OwnerQuality();
  const runLogs = new RecordingLogSource('pipeline-run', [LINE], 3);
  const transport = new LoopbackFacadeTransport([
    new DataPipelineFacadesController(new OwnerLineage(), quality, new OwnerFiles()),
    new PipelineRunLogFacadeController(runLogs),
  ]);
  return {
    quality,
    runLogs,
    logs: new HttpPipelineRunLogSource(transport),
    lineage: new HttpLineageFacade(transport),
    checks: new HttpDatasetQualityFacade(transport),
    files: new HttpDatasetFiles(transport),
  };
}

describe('the data pipeline’s HTTP facade bindings', () => {
  it('answer what the owner’s facades answer', async () => {
    const { lineage, checks, files, quality } = bindings();
    expect([await lineage.knowsRun('run-1'), await lineage.knowsRun('run-2')]).toEqual([true, false]);
    const query: BlockingChecksQuery = { projectId: 'p1', datasetVersionIds: ['dv1', 'dv2'], blockOn: 'warn' };
    expect(await checks.blockingChecks(query)).toEqual([CHECK]);
    expect(quality.queries).toEqual([query]);
    expect(await files.summaryOf('p1', 'dv1')).toEqual(SUMMARY);
    expect(await files.summaryOf('p2', 'dv1')).toBeUndefined();
    expect([await files.hasDataset('p1', 'd1'), await files.hasDataset('p2', 'd1')]).toEqual([true, false]);
  });

  it('refuse rows and produced files, which stay beside the data pipeline, releasing the produced body', async () => {
    const { files } = bindings();
    await expect(files.withRowsOf('p1', 'dv1', () => Promise.resolve(1))).rejects.toThrow(FacadeUnavailable);
    const body = Readable.from(['{"a":1}\n']);
    const produced: ProducedVersion = {
      projectId: 'p1',
      datasetId: 'd1',
      body,
      producer: { kind: 'batch-prediction', runId: 'r1', actorId: 'u1' },
    };
    await expect(files.register(produced)).rejects.toThrow(FacadeUnavailable);
    expect(body.destroyed).toBe(true);
  });

  it('search and prune the owner’s pipeline-run log lines, times crossing as dates both ways', async () => {
    const { logs, runLogs } = bindings();
    const criteria: LogSearchCriteria = {
      projectId: 'p1',
      levels: ['warn', 'error'],
      text: '"quarantined rows" -debug',
      from: new Date('2026-12-07T09:00:00.000Z'),
      after: { at: new Date('2026-12-07T10:00:00.000Z'), source: 'task-run', seq: '7' },
      limit: 51,
    };
    expect(logs.source).toBe('pipeline-run');
    const found = await logs.search(criteria);
    expect(found).toEqual([LINE]);
    expect(found[0].at).toBeInstanceOf(Date);
    expect(runLogs.searches).toEqual([criteria]);
    expect(runLogs.searches[0].after?.at).toBeInstanceOf(Date);

    const cutoff = new Date('2026-11-07T00:00:00.000Z');
    expect(await logs.pruneBefore(cutoff)).toBe(3);
    expect(runLogs.cutoffs).toEqual([cutoff]);
    expect(runLogs.cutoffs[0]).toBeInstanceOf(Date);
  });
});
