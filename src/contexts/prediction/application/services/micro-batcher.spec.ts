import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { RecordingBatchMetrics } from '../../../../../test/support/prediction/fake-ports.js';
import { BatchRecordingRuntime } from '../../../../../test/support/prediction/batch-recording-runtime.js';
import { aPinnedVersion } from '../../../../../test/support/prediction/prediction-objects.js';
import type { Tensor } from '../../domain/tensor/tensor-spec.js';
import { MicroBatcher } from './micro-batcher.js';

const version = aPinnedVersion();
const fixed = aPinnedVersion({
  versionId: '0190a6a0-0000-7000-8000-0000000000f1',
  signature: {
    inputs: [{ name: 'x', datatype: 'FP32', shape: [1, 3] }],
    outputs: [{ name: 'y', datatype: 'FP32', shape: [1, 2] }],
  },
});
const on = { enabled: true, maxSize: 4, maxWaitMs: 50 };
/** A request of `rows` rows of 3 features, each row [n, n, n] from `first` on. */
const rowsFrom = (first: number, rows = 1): Tensor[] => [
  {
    name: 'x',
    datatype: 'FP32',
    shape: [rows, 3],
    data: Array.from({ length: rows }, (_, row) => [first + row, first + row, first + row]).flat(),
  },
];
const answerOf = (first: number, rows = 1) =>
  Array.from({ length: rows }, (_, row) => Array(3).fill((first + row) * 10)).flat();

describe('MicroBatcher', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('runs concurrent requests as one call once the longest wait passes, and splits the answer back in order', async () => {
    const runtime = new BatchRecordingRuntime();
    const metrics = new RecordingBatchMetrics();
    const batcher = new MicroBatcher(runtime, metrics);

    const answers = Promise.all([
      batcher.infer(version, rowsFrom(1), undefined, on),
      batcher.infer(version, rowsFrom(2, 2), undefined, on),
    ]);
    jest.advanceTimersByTime(49);
    expect(runtime.calls).toEqual([]);
    jest.advanceTimersByTime(1);

    const [first, second] = await answers;
    expect(runtime.calls).toEqual([3]);
    expect(metrics.batches).toEqual([2]);
    expect(first).toEqual([{ name: 'y', datatype: 'FP32', shape: [1, 3], data: answerOf(1) }]);
    expect(second).toEqual([{ name: 'y', datatype: 'FP32', shape: [2, 3], data: answerOf(2, 2) }]);
  });

  it('runs a batch as soon as it holds the most rows, without waiting, and starts the next', async () => {
    const runtime = new BatchRecordingRuntime();
    const batcher = new MicroBatcher(runtime, new RecordingBatchMetrics());

    const answers = Promise.all([1, 2, 3, 4, 5, 6].map((n) => batcher.infer(version, rowsFrom(n), undefined, on)));
    expect(runtime.calls).toEqual([4]);
    // A request that does not fit in the open batch sends it off and opens the next one.
    const larger = batcher.infer(version, rowsFrom(7, 3), undefined, on);
    expect(runtime.calls).toEqual([4, 2]);
    jest.advanceTimersByTime(50);

    expect((await answers).map((answer) => answer[0].data)).toEqual([1, 2, 3, 4, 5, 6].map((n) => answerOf(n)));
    expect((await larger)[0].data).toEqual(answerOf(7, 3));
    expect(runtime.calls).toEqual([4, 2, 3]);
  });

  it('fails only the callers of the batch whose call failed', async () => {
    const runtime = new BatchRecordingRuntime(66);
    const batcher = new MicroBatcher(runtime, new RecordingBatchMetrics());

    const doomed = [
      batcher.infer(version, rowsFrom(66), undefined, on),
      batcher.infer(version, rowsFrom(1), undefined, on),
    ];
    jest.advanceTimersByTime(50);
    const spared = [
      batcher.infer(version, rowsFrom(2), undefined, on),
      batcher.infer(version, rowsFrom(3), undefined, on),
    ];
    jest.advanceTimersByTime(50);

    const outcomes = await Promise.allSettled([...doomed, ...spared]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected', 'fulfilled', 'fulfilled']);
    expect(runtime.calls).toEqual([2, 2]);
  });

  it('runs alone what cannot batch: batching off, a model without a batch dimension, a request as large as a batch', async () => {
    const runtime = new BatchRecordingRuntime();
    const batcher = new MicroBatcher(runtime, new RecordingBatchMetrics());

    await Promise.all([
      batcher.infer(version, rowsFrom(1), undefined, { ...on, enabled: false }),
      batcher.infer(version, rowsFrom(1), undefined, { ...on, enabled: false }),
      batcher.infer(fixed, rowsFrom(1), undefined, on),
      batcher.infer(version, rowsFrom(1, 4), undefined, on),
    ]);

    expect(runtime.calls).toEqual([1, 1, 1, 4]);
  });

  it('keeps versions and requested outputs apart', async () => {
    const runtime = new BatchRecordingRuntime();
    const batcher = new MicroBatcher(runtime, new RecordingBatchMetrics());
    const other = aPinnedVersion({ versionId: '0190a6a0-0000-7000-8000-0000000000f2' });

    const answers = Promise.all([
      batcher.infer(version, rowsFrom(1), undefined, on),
      batcher.infer(other, rowsFrom(2), undefined, on),
      batcher.infer(version, rowsFrom(3), ['y'], on),
      batcher.infer(version, rowsFrom(4), undefined, on),
    ]);
    jest.advanceTimersByTime(50);

    expect((await answers).map((answer) => answer[0].data)).toEqual([1, 2, 3, 4].map((n) => answerOf(n)));
    expect(runtime.calls.sort()).toEqual([1, 1, 2]);
  });
});
