import { BatchPredictionStarts } from '../../../src/contexts/prediction/application/services/batch-prediction-starts.js';
import type { FakeTransaction, RecordingEventPublisher } from './fake-ports.js';
import { Readable } from 'node:stream';
import { ConcurrencyError } from '@libs/ddd';
import {
  BatchDatasets,
  type BatchInputRows,
  type BatchInputVersion,
  type BatchOutput,
  type ByteStream,
} from '../../../src/contexts/prediction/application/ports/batch-datasets.js';
import { BatchOutputChunks } from '../../../src/contexts/prediction/application/ports/batch-output-chunks.js';
import { BatchPredictionLog } from '../../../src/contexts/prediction/application/ports/batch-prediction-log.js';
import { BatchPredictionQueue } from '../../../src/contexts/prediction/application/ports/batch-prediction-queue.js';
import { BatchPrediction } from '../../../src/contexts/prediction/domain/batch/batch-prediction.js';
import { BatchPredictionRepository } from '../../../src/contexts/prediction/domain/batch/batch-prediction.repository.js';
import { settled } from '../model-registry/settled.js';

/** Keeps snapshots, so a job changed but not saved is not seen changed; saves check the version as the database does. */
export class InMemoryBatchPredictionRepository extends BatchPredictionRepository {
  private readonly rows = new Map<string, { state: BatchPrediction['snapshot']; version: number }>();

  add(job: BatchPrediction): Promise<void> {
    return settled(() => {
      this.rows.set(job.id, { state: job.snapshot, version: 1 });
      job.markSaved(1);
    });
  }

  save(job: BatchPrediction): Promise<void> {
    return settled(() => {
      const row = this.rows.get(job.id);
      if (row?.version !== job.version) throw new ConcurrencyError('Batch prediction', job.id);
      this.rows.set(job.id, { state: job.snapshot, version: job.version + 1 });
      job.markSaved(job.version + 1);
    });
  }

  find(id: string): Promise<BatchPrediction | undefined> {
    return settled(() => {
      const row = this.rows.get(id);
      return row && BatchPrediction.restore(row.state, row.version);
    });
  }

  findByIdempotencyKey(key: string): Promise<BatchPrediction | undefined> {
    return settled(() => {
      const row = [...this.rows.values()].find((candidate) => candidate.state.idempotencyKey === key);
      return row && BatchPrediction.restore(row.state, row.version);
    });
  }

  listByDeployment(deploymentId: string): Promise<BatchPrediction[]> {
    return settled(() =>
      [...this.rows.values()]
        .filter((row) => row.state.deploymentId === deploymentId)
        .map((row) => BatchPrediction.restore(row.state, row.version)),
    );
  }
}

export interface StoredVersion {
  readonly projectId: string;
  readonly datasetId: string;
  readonly rows: Record<string, unknown>[];
}

/** Dataset versions as rows in memory; outputs registered once per job, as the data pipeline does. */
export class InMemoryBatchDatasets extends BatchDatasets {
  readonly versions = new Map<string, StoredVersion>();
  readonly datasets = new Map<string, string>();
  readonly outputs = new Map<string, { readonly versionId: string; readonly output: BatchOutput; rows: unknown[] }>();
  reads = 0;

  withVersion(versionId: string, version: StoredVersion): this {
    this.versions.set(versionId, version);
    this.datasets.set(version.datasetId, version.projectId);
    return this;
  }

  withDataset(datasetId: string, projectId: string): this {
    this.datasets.set(datasetId, projectId);
    return this;
  }

  inputVersion(projectId: string, versionId: string): Promise<BatchInputVersion | undefined> {
    return settled(() => {
      const version = this.versions.get(versionId);
      if (version?.projectId !== projectId) return undefined;
      return {
        versionId,
        datasetId: version.datasetId,
        rowCount: version.rows.length,
        columns: Object.keys(version.rows[0] ?? {}),
      };
    });
  }

  hasDataset(projectId: string, datasetId: string): Promise<boolean> {
    return settled(() => this.datasets.get(datasetId) === projectId);
  }

  async withRowsOf<T>(projectId: string, versionId: string, work: (rows: BatchInputRows) => Promise<T>): Promise<T> {
    const version = this.versions.get(versionId);
    if (version?.projectId !== projectId) throw new Error(`no version ${versionId}`);
    return work({
      read: (offset, limit) =>
        settled(() => {
          this.reads += 1;
          return version.rows.slice(offset, offset + limit).map((row) => ({ ...row }));
        }),
    });
  }

  async registerOutput(output: BatchOutput): Promise<{ readonly versionId: string; readonly rowCount: number }> {
    const earlier = this.outputs.get(output.jobId);
    if (earlier) return { versionId: earlier.versionId, rowCount: earlier.rows.length };
    const rows = (await textOf(output.body))
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line) as unknown);
    const versionId = `output-of-${output.jobId}`;
    this.outputs.set(output.jobId, { versionId, output, rows });
    return { versionId, rowCount: rows.length };
  }
}

/** Chunks in memory; `failWritingOnce(n)` makes the write of chunk n fail once, as a store going away would. */
export class InMemoryOutputChunks extends BatchOutputChunks {
  readonly chunks = new Map<string, string>();
  readonly writes: string[] = [];
  private readonly failing = new Set<number>();

  failWritingOnce(index: number): this {
    this.failing.add(index);
    return this;
  }

  write(jobId: string, index: number, rows: readonly Record<string, unknown>[]): Promise<void> {
    return settled(() => {
      if (this.failing.delete(index)) throw new Error(`the store went away writing chunk ${index}`);
      this.writes.push(`${jobId}/${index}`);
      this.chunks.set(`${jobId}/${index}`, rows.map((row) => `${JSON.stringify(row)}\n`).join(''));
    });
  }

  assembled(jobId: string, count: number): ByteStream {
    const pieces = Array.from({ length: count }, (_, index) => {
      const chunk = this.chunks.get(`${jobId}/${index}`);
      if (chunk === undefined) throw new Error(`chunk ${index} of ${jobId} was never written`);
      return Buffer.from(chunk);
    });
    return Readable.from(pieces);
  }

  discard(jobId: string, count: number): Promise<void> {
    return settled(() => {
      for (let index = 0; index < count; index += 1) this.chunks.delete(`${jobId}/${index}`);
    });
  }
}

export class RecordingBatchQueue extends BatchPredictionQueue {
  readonly queued: string[] = [];
  enqueue(jobId: string): Promise<void> {
    return settled(() => {
      this.queued.push(jobId);
    });
  }
}

/** The jobs' log lines as a list, in the order written. */
export class InMemoryBatchPredictionLog extends BatchPredictionLog {
  readonly lines: { jobId: string; projectId: string; level: string; message: string }[] = [];

  append(job: BatchPrediction, level: 'info' | 'warn' | 'error', message: string): Promise<void> {
    return settled(() => {
      this.lines.push({ jobId: job.id, projectId: job.projectId, level, message });
    });
  }
}

export function fakeBatchPorts() {
  return {
    log: new InMemoryBatchPredictionLog(),
    jobs: new InMemoryBatchPredictionRepository(),
    datasets: new InMemoryBatchDatasets(),
    chunks: new InMemoryOutputChunks(),
    queue: new RecordingBatchQueue(),
  };
}

async function textOf(body: ByteStream): Promise<string> {
  const pieces: Buffer[] = [];
  for await (const piece of body) pieces.push(Buffer.from(piece as Uint8Array));
  return Buffer.concat(pieces).toString('utf8');
}

/** Starting batch predictions over the fake ports: transaction and events from the prediction ports. */
export function batchPredictionStartsOf(
  ports: { transaction: FakeTransaction; events: RecordingEventPublisher },
  batch: ReturnType<typeof fakeBatchPorts>,
): BatchPredictionStarts {
  return new BatchPredictionStarts(ports.transaction, batch.jobs, batch.datasets, batch.queue, ports.events);
}
