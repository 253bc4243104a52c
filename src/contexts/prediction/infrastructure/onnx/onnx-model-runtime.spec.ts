/**
 * @jest-environment ./test/support/prediction/onnx-test-environment.ts
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { InMemoryObjectStore } from '../../../../../test/support/model-registry/fake-object-store.js';
import { LINEAR_BIAS, LINEAR_WEIGHTS, linearModel } from '../../../../../test/support/prediction/linear-model.js';
import { aPinnedVersion } from '../../../../../test/support/prediction/prediction-objects.js';
import type { PinnedVersion } from '../../domain/deployment/variant.js';
import { ModelRuntimeFailed } from '../../domain/errors.js';
import { OnnxModelRuntime } from './onnx-model-runtime.js';

/** Counts the artifact reads, so a spec sees a load (or a reload after eviction) happen. */
class CountingObjectStore extends InMemoryObjectStore {
  readonly reads: string[] = [];
  override get(key: string) {
    this.reads.push(key);
    return super.get(key);
  }
}

function arrange(budgetBytes = 1024 * 1024) {
  const store = new CountingObjectStore();
  const runtime = new OnnxModelRuntime(store, { modelMemoryBudgetBytes: budgetBytes, onnxIntraOpThreads: 1 });
  const stored = async (name: string, bytes: Buffer): Promise<PinnedVersion> => {
    const versionId = `0190a6a0-0000-7000-8000-0000000${name.padStart(5, '0')}`;
    const version = aPinnedVersion({ versionId, artifactKey: `models/${name}.onnx`, artifactBytes: bytes.length });
    await store.put(version.artifactKey, Readable.from([bytes]), { maxBytes: 1 << 20 });
    return version;
  };
  return { store, runtime, stored };
}

const x = (rows: number[][]) => [{ name: 'x', datatype: 'FP32' as const, shape: [rows.length, 3], data: rows.flat() }];

describe('OnnxModelRuntime', () => {
  it('answers y = x·W + b with the values computed by hand', async () => {
    const { runtime, stored } = arrange();
    const version = await stored('1', linearModel(LINEAR_WEIGHTS, LINEAR_BIAS));

    const outputs = await runtime.infer(
      version,
      x([
        [1, 0, 0],
        [0, 1, 1],
        [1, 1, 1],
      ]),
    );

    // [1,0,0] -> [1, 2] + b; [0,1,1] -> [3+5, 4+6] + b; [1,1,1] -> [9, 12] + b
    expect(outputs).toEqual([{ name: 'y', datatype: 'FP32', shape: [3, 2], data: [1.5, 1, 8.5, 9, 9.5, 11] }]);
    await runtime.onModuleDestroy();
  });

  it('loads a version once, however many first requests arrive together', async () => {
    const { store, runtime, stored } = arrange();
    const version = await stored('2', linearModel(LINEAR_WEIGHTS, LINEAR_BIAS));

    await Promise.all([
      runtime.ensureLoaded(version),
      runtime.infer(version, x([[1, 1, 1]])),
      runtime.ensureLoaded(version),
    ]);

    expect(store.reads).toEqual([version.artifactKey]);
    await runtime.onModuleDestroy();
  });

  it('evicts the least recently used model past the memory budget, and loads it again when asked', async () => {
    const bytes = linearModel(LINEAR_WEIGHTS, LINEAR_BIAS);
    const { store, runtime, stored } = arrange(bytes.length * 2);
    const [first, second, third] = [await stored('3', bytes), await stored('4', bytes), await stored('5', bytes)];

    await runtime.ensureLoaded(first);
    await runtime.ensureLoaded(second);
    await runtime.ensureLoaded(third);
    const outputs = await runtime.infer(first, x([[1, 0, 0]]));

    expect(store.reads).toEqual([first, second, third, first].map((version) => version.artifactKey));
    expect(outputs[0]?.data).toEqual([1.5, 1]);
    await runtime.onModuleDestroy();
  });

  it('refuses a model larger than the whole budget, bytes that are no model, and a signature the model does not run with', async () => {
    const bytes = linearModel(LINEAR_WEIGHTS, LINEAR_BIAS);
    const { runtime, stored } = arrange(bytes.length);
    const tooLarge = { ...(await stored('6', bytes)), artifactBytes: bytes.length + 1 };
    const garbage = await stored('7', Buffer.from('not a model'));
    const wrongSignature = {
      ...(await stored('8', bytes)),
      signature: { inputs: [{ name: 'x', datatype: 'FP32' as const, shape: [-1, 4] }], outputs: [] },
    };

    await expect(runtime.ensureLoaded(tooLarge)).rejects.toThrow(/larger than the model memory budget/);
    await expect(runtime.ensureLoaded(garbage)).rejects.toThrow(ModelRuntimeFailed);
    await expect(runtime.ensureLoaded(wrongSignature)).rejects.toThrow(/does not run with its signature/);
    await runtime.onModuleDestroy();
  });
});
