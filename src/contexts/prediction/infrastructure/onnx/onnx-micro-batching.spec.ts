/**
 * @jest-environment ./test/support/prediction/onnx-test-environment.ts
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { InMemoryObjectStore } from '../../../../../test/support/model-registry/fake-object-store.js';
import { LINEAR_BIAS, LINEAR_WEIGHTS, linearModel } from '../../../../../test/support/prediction/linear-model.js';
import { RecordingBatchMetrics } from '../../../../../test/support/prediction/fake-ports.js';
import { aPinnedVersion } from '../../../../../test/support/prediction/prediction-objects.js';
import { MicroBatcher } from '../../application/services/micro-batcher.js';
import type { Tensor } from '../../domain/tensor/tensor-spec.js';
import { OnnxModelRuntime } from './onnx-model-runtime.js';

/** Counts the session runs the batcher asks of the runtime. */
class CountingOnnxRuntime extends OnnxModelRuntime {
  runs = 0;
  override infer(...args: Parameters<OnnxModelRuntime['infer']>): Promise<Tensor[]> {
    this.runs += 1;
    return super.infer(...args);
  }
}

const request = (rows: number[][]): Tensor[] => [
  { name: 'x', datatype: 'FP32', shape: [rows.length, 3], data: rows.flat() },
];

describe('micro-batching over the in-process ONNX runtime', () => {
  it('answers each request batched exactly as it answers it alone', async () => {
    const store = new InMemoryObjectStore();
    const bytes = linearModel(LINEAR_WEIGHTS, LINEAR_BIAS);
    const version = aPinnedVersion({ artifactBytes: bytes.length });
    await store.put(version.artifactKey, Readable.from([bytes]), { maxBytes: 1 << 20 });
    const runtime = new CountingOnnxRuntime(store, { modelMemoryBudgetBytes: 1 << 20, onnxIntraOpThreads: 1 });
    const batcher = new MicroBatcher(runtime, new RecordingBatchMetrics());
    const requests = Array.from({ length: 12 }, (_, index) =>
      request(Array.from({ length: 1 + (index % 3) }, (_, row) => [index, row * 0.5, -index * 0.25])),
    );

    const alone = [];
    for (const inputs of requests) alone.push(await runtime.infer(version, inputs));
    runtime.runs = 0;
    const batched = await Promise.all(
      requests.map((inputs) =>
        batcher.infer(version, inputs, undefined, { enabled: true, maxSize: 64, maxWaitMs: 20 }),
      ),
    );

    expect(batched).toEqual(alone);
    expect(runtime.runs).toBe(1);
    await runtime.onModuleDestroy();
  });
});
