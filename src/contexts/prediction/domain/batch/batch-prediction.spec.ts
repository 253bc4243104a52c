import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { BatchPrediction, BatchPredictionFinished, MAX_CHUNK_SIZE } from './batch-prediction.js';

const AT = new Date('2026-12-07T00:00:00Z');

function aJob(totalRows: number, chunkSize?: number): BatchPrediction {
  return BatchPrediction.create({
    projectId: 'project',
    deploymentId: 'deployment',
    variant: 'champion',
    modelVersionId: 'version',
    inputVersionId: 'input',
    outputDatasetId: 'output',
    columns: {},
    totalRows,
    chunkSize,
    createdBy: 'actor',
    at: AT,
  });
}

/** Counts every chunk in order, each with the rows it is meant to hold. */
function countAll(job: BatchPrediction): void {
  for (let index = 0; index < job.chunkCount; index += 1) job.chunkDone(index, job.rowsOf(index).limit, AT);
}

describe('BatchPrediction', () => {
  it('splits any input into chunks whose rows add up to the input, each row in exactly one chunk', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5_000 }), fc.integer({ min: 1, max: 2_000 }), (rows, size) => {
        const job = aJob(rows, size);
        let next = 0;
        for (let index = 0; index < job.chunkCount; index += 1) {
          const { offset, limit } = job.rowsOf(index);
          expect(offset).toBe(next);
          expect(limit).toBeGreaterThan(0);
          next = offset + limit;
        }
        expect(next).toBe(rows);
        countAll(job);
        expect(job.snapshot).toMatchObject({ chunksDone: job.chunkCount, rowsDone: rows });
      }),
    );
  });

  it('counts chunks only in order and only whole', () => {
    const job = aJob(25, 10);
    job.begin(AT);
    expect(() => job.chunkDone(1, 10, AT)).toThrow(/not the next/);
    expect(() => job.chunkDone(0, 9, AT)).toThrow(/must hold 10 rows/);
    job.chunkDone(0, 10, AT);
    expect(job.snapshot).toMatchObject({ status: 'running', chunksDone: 1, rowsDone: 10 });
  });

  it('succeeds only once every chunk is counted, with its output version', () => {
    const job = aJob(25, 10);
    job.begin(AT);
    job.chunkDone(0, 10, AT);
    expect(() => job.succeed('out', AT)).toThrow(/chunks left/);
    job.chunkDone(1, 10, AT);
    job.chunkDone(2, 5, AT);
    job.succeed('out', AT);
    expect(job.snapshot).toMatchObject({ status: 'succeeded', outputVersionId: 'out', rowsDone: 25, finishedAt: AT });
  });

  it('never changes once finished', () => {
    for (const finish of [(job: BatchPrediction) => job.cancel(AT), (job: BatchPrediction) => job.fail('broken', AT)]) {
      const job = aJob(10, 5);
      finish(job);
      expect(() => job.begin(AT)).toThrow(BatchPredictionFinished);
      expect(() => job.chunkDone(0, 5, AT)).toThrow(BatchPredictionFinished);
      expect(() => job.cancel(AT)).toThrow(BatchPredictionFinished);
    }
  });

  it('refuses a chunk size out of range', () => {
    expect(() => aJob(10, 0)).toThrow(expect.objectContaining({ type: 'invalid-chunk-size' }));
    expect(() => aJob(10, MAX_CHUNK_SIZE + 1)).toThrow(expect.objectContaining({ type: 'invalid-chunk-size' }));
    expect(() => aJob(10, 2.5)).toThrow(expect.objectContaining({ type: 'invalid-chunk-size' }));
  });
});
