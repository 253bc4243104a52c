import { settled } from '../model-registry/settled.js';
import { ModelRuntime } from '../../../src/contexts/prediction/application/ports/model-runtime.js';
import type { PinnedVersion } from '../../../src/contexts/prediction/domain/deployment/variant.js';
import type { Tensor } from '../../../src/contexts/prediction/domain/tensor/tensor-spec.js';

/**
 * Answers y = 10·x element by element (same shape), recording the row count of every call; a call
 * whose inputs hold `poison` fails.
 */
export class BatchRecordingRuntime extends ModelRuntime {
  readonly calls: number[] = [];

  constructor(private readonly poison = Number.NaN) {
    super();
  }

  ensureLoaded(): Promise<void> {
    return Promise.resolve();
  }

  infer(_version: PinnedVersion, inputs: readonly Tensor[]): Promise<Tensor[]> {
    const [x] = inputs;
    this.calls.push(x.shape[0]);
    return settled(() => {
      if (x.data.includes(this.poison)) throw new Error('the poisoned row broke the batch');
      return [{ name: 'y', datatype: 'FP32', shape: [...x.shape], data: x.data.map((value) => Number(value) * 10) }];
    });
  }
}
