import { describe, expect, it } from '@jest/globals';
import type { LogRecord } from '@libs/platform';
import { LoopbackFacadeTransport, RecordingLogSource } from '@libs/testing';
import { BatchPredictionLogFacadeController } from '../../interface/http/internal/batch-prediction-log-facade.controller.js';
import { HttpBatchPredictionLogSource } from './http-batch-prediction-log-source.js';

const LINE: LogRecord = {
  source: 'batch-prediction',
  seq: '1000000000',
  at: new Date('2026-12-07T09:35:00.000Z'),
  level: 'error',
  message: 'failed: the runtime ran out of memory',
  runId: 'batch-1',
  taskId: null,
  attempt: null,
};

describe('HttpBatchPredictionLogSource', () => {
  it('searches and prunes the owner’s batch-prediction log lines, under the owner’s source name', async () => {
    const owner = new RecordingLogSource('batch-prediction', [LINE], 0);
    const logs = new HttpBatchPredictionLogSource(
      new LoopbackFacadeTransport([new BatchPredictionLogFacadeController(owner)]),
    );
    expect(logs.source).toBe(owner.source);
    const to = new Date('2026-12-07T10:00:00.000Z');
    const found = await logs.search({ projectId: 'p1', runId: 'batch-1', to, limit: 2 });
    expect(found).toEqual([LINE]);
    expect(found[0].at).toBeInstanceOf(Date);
    expect(owner.searches).toEqual([{ projectId: 'p1', runId: 'batch-1', to, limit: 2 }]);
    expect(owner.searches[0].to).toBeInstanceOf(Date);

    // Nothing past retention is 0 lines, not the absent answer.
    expect(await logs.pruneBefore(to)).toBe(0);
    expect(owner.cutoffs).toEqual([to]);
  });
});
