import { Injectable } from '@nestjs/common';
import type { ServingOptions } from '../../domain/deployment/serving-options.js';
import type { PinnedVersion } from '../../domain/deployment/variant.js';
import type { Tensor } from '../../domain/tensor/tensor-spec.js';
import { BatchMetrics } from '../ports/batch-metrics.js';
import { ModelRuntime } from '../ports/model-runtime.js';

type BatchingOptions = ServingOptions['batching'];

interface Caller {
  readonly inputs: readonly Tensor[];
  readonly rows: number;
  readonly resolve: (outputs: Tensor[]) => void;
  readonly reject: (error: unknown) => void;
}

interface OpenBatch {
  readonly callers: Caller[];
  rows: number;
  timer?: NodeJS.Timeout;
}

/**
 * Adaptive micro-batching (BentoML's, Triton's dynamic batcher): concurrent requests to one model
 * version are stacked along the batch dimension, run as one call and split back in order. A batch
 * runs when it holds `maxSize` rows or its first request has waited `maxWaitMs`, whichever comes
 * first. Only models whose inputs and outputs all start with a batch dimension (-1) batch; the
 * others, and requests as large as a batch, run alone. A failed call fails only its batch's callers.
 */
@Injectable()
export class MicroBatcher {
  private readonly open = new Map<string, OpenBatch>();

  constructor(
    private readonly runtime: ModelRuntime,
    private readonly metrics: BatchMetrics,
  ) {}

  infer(
    version: PinnedVersion,
    inputs: readonly Tensor[],
    outputs: readonly string[] | undefined,
    options: BatchingOptions,
  ): Promise<Tensor[]> {
    const rows = batchRows(version, inputs);
    if (!options.enabled || rows === undefined || rows >= options.maxSize)
      return this.runtime.infer(version, inputs, outputs);
    // Requests batch together only when everything but their row counts is the same.
    const key = JSON.stringify([version.versionId, outputs ?? [], inputs.map((t) => [t.name, t.shape.slice(1)])]);
    return new Promise<Tensor[]>((resolve, reject) => {
      let batch = this.open.get(key);
      if (batch && batch.rows + rows > options.maxSize) {
        this.flush(key, version, outputs);
        batch = undefined;
      }
      if (!batch) {
        const opened: OpenBatch = { callers: [], rows: 0 };
        opened.timer = setTimeout(() => this.flush(key, version, outputs, opened), options.maxWaitMs);
        this.open.set(key, opened);
        batch = opened;
      }
      batch.callers.push({ inputs, rows, resolve, reject });
      batch.rows += rows;
      if (batch.rows >= options.maxSize) this.flush(key, version, outputs);
    });
  }

  private flush(key: string, version: PinnedVersion, outputs: readonly string[] | undefined, only?: OpenBatch): void {
    const batch = this.open.get(key);
    if (!batch || (only && batch !== only)) return;
    this.open.delete(key);
    clearTimeout(batch.timer);
    void this.run(version, outputs, batch.callers);
  }

  private async run(version: PinnedVersion, outputs: readonly string[] | undefined, callers: Caller[]): Promise<void> {
    this.metrics.ran(callers.length);
    if (callers.length === 1) {
      const [caller] = callers;
      await this.runtime.infer(version, caller.inputs, outputs).then(caller.resolve, caller.reject);
      return;
    }
    try {
      const answered = await this.runtime.infer(version, stacked(callers), outputs);
      let offset = 0;
      for (const caller of callers) {
        caller.resolve(answered.map((tensor) => rowsOf(tensor, offset, caller.rows)));
        offset += caller.rows;
      }
    } catch (error) {
      for (const caller of callers) caller.reject(error);
    }
  }
}

/** The rows of the request when the model takes a batch dimension first; undefined when it cannot batch. */
function batchRows(version: PinnedVersion, inputs: readonly Tensor[]): number | undefined {
  const { signature } = version;
  const batched = [...signature.inputs, ...signature.outputs].every((tensor) => tensor.shape[0] === -1);
  if (!batched || inputs.length === 0) return undefined;
  const rows = inputs[0].shape[0];
  return inputs.every((tensor) => tensor.shape.length > 0 && tensor.shape[0] === rows) ? rows : undefined;
}

function stacked(callers: readonly Caller[]): Tensor[] {
  const total = callers.reduce((sum, caller) => sum + caller.rows, 0);
  return callers[0].inputs.map((first, index) => ({
    name: first.name,
    datatype: first.datatype,
    shape: [total, ...first.shape.slice(1)],
    data: callers.flatMap((caller) => caller.inputs[index].data),
  }));
}

function rowsOf(tensor: Tensor, offset: number, rows: number): Tensor {
  const total = tensor.shape[0];
  const perRow = total > 0 ? tensor.data.length / total : 0;
  return {
    name: tensor.name,
    datatype: tensor.datatype,
    shape: [rows, ...tensor.shape.slice(1)],
    data: tensor.data.slice(offset * perRow, (offset + rows) * perRow),
  };
}
