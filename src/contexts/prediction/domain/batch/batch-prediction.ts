import { AggregateRoot, ConflictError, newId, ValidationError } from '@libs/ddd';

export const BATCH_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

export const MAX_CHUNK_SIZE = 100_000;
export const DEFAULT_CHUNK_SIZE = 5_000;

/** Which input column (or columns, stacked in order as the row's vector) feeds each model input; unnamed inputs read the column of their own name. */
export type InputColumns = Readonly<Record<string, string | readonly string[]>>;

export interface BatchPredictionState {
  readonly id: string;
  readonly projectId: string;
  /** Null when a bare model version predicts (no deployment serves it for the job). */
  readonly deploymentId: string | null;
  readonly variant: string | null;
  readonly modelVersionId: string;
  readonly inputVersionId: string;
  readonly outputDatasetId: string;
  readonly outputVersionId: string | null;
  readonly columns: InputColumns;
  readonly status: BatchStatus;
  readonly chunkSize: number;
  readonly totalRows: number;
  readonly chunksDone: number;
  readonly rowsDone: number;
  readonly error: string | null;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly finishedAt: Date | null;
  /** Set when a workflow task started the job: the task's attempt, so it starts one job only. */
  readonly idempotencyKey: string | null;
}

export type NewBatchPrediction = Pick<
  BatchPredictionState,
  | 'projectId'
  | 'deploymentId'
  | 'variant'
  | 'modelVersionId'
  | 'inputVersionId'
  | 'outputDatasetId'
  | 'columns'
  | 'totalRows'
  | 'createdBy'
> & { readonly chunkSize?: number; readonly idempotencyKey?: string; readonly at: Date };

const FINISHED: readonly BatchStatus[] = ['succeeded', 'failed', 'cancelled'];

/** A batch job refused a change its status does not allow (cancelling a finished job). */
export class BatchPredictionFinished extends ConflictError {
  constructor(id: string, status: BatchStatus) {
    super(`Batch prediction ${id} is ${status}`, 'batch-prediction-finished');
  }
}

/**
 * A batch prediction: a dataset version's rows predicted by one model version, chunk after chunk.
 * Progress only moves forward one whole chunk at a time, so the rows done are always the rows of
 * the chunks done, and a finished job never changes again.
 */
export class BatchPrediction extends AggregateRoot {
  private constructor(
    private state: BatchPredictionState,
    version: number,
  ) {
    super(state.id, version);
  }

  static create(input: NewBatchPrediction): BatchPrediction {
    const chunkSize = input.chunkSize ?? DEFAULT_CHUNK_SIZE;
    if (!Number.isInteger(chunkSize) || chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE)
      throw new ValidationError(
        'The chunk size is invalid',
        [{ field: 'chunkSize', message: `a whole number from 1 to ${MAX_CHUNK_SIZE}` }],
        'invalid-chunk-size',
      );
    const { at, idempotencyKey, ...rest } = input;
    return new BatchPrediction(
      {
        ...rest,
        id: newId(),
        chunkSize,
        outputVersionId: null,
        status: 'queued',
        chunksDone: 0,
        rowsDone: 0,
        error: null,
        createdAt: at,
        updatedAt: at,
        finishedAt: null,
        idempotencyKey: idempotencyKey ?? null,
      },
      0,
    );
  }

  static restore(state: BatchPredictionState, version: number): BatchPrediction {
    return new BatchPrediction(state, version);
  }

  get snapshot(): BatchPredictionState {
    return this.state;
  }

  get projectId(): string {
    return this.state.projectId;
  }

  get status(): BatchStatus {
    return this.state.status;
  }

  get finished(): boolean {
    return FINISHED.includes(this.state.status);
  }

  /** The chunks the input splits into (none for an empty input). */
  get chunkCount(): number {
    return Math.ceil(this.state.totalRows / this.state.chunkSize);
  }

  /** The first row and the number of rows of chunk `index`. */
  rowsOf(index: number): { offset: number; limit: number } {
    const offset = index * this.state.chunkSize;
    return { offset, limit: Math.max(0, Math.min(this.state.chunkSize, this.state.totalRows - offset)) };
  }

  /** A worker took the job (again, after a crash: a running job stays running). */
  begin(at: Date): void {
    this.requireUnfinished();
    this.state = { ...this.state, status: 'running', updatedAt: at };
  }

  /** The next chunk's output is durable: progress moves past it. */
  chunkDone(index: number, rows: number, at: Date): void {
    this.requireUnfinished();
    if (index !== this.state.chunksDone)
      throw new ConflictError(`Chunk ${index} is not the next of ${this.state.id}`, 'batch-chunk-out-of-order');
    if (rows !== this.rowsOf(index).limit)
      throw new ConflictError(`Chunk ${index} of ${this.state.id} must hold ${this.rowsOf(index).limit} rows`);
    this.state = { ...this.state, chunksDone: index + 1, rowsDone: this.state.rowsDone + rows, updatedAt: at };
  }

  succeed(outputVersionId: string, at: Date): void {
    this.requireUnfinished();
    if (this.state.chunksDone !== this.chunkCount)
      throw new ConflictError(`Batch prediction ${this.state.id} has chunks left`, 'batch-chunks-left');
    this.state = { ...this.state, status: 'succeeded', outputVersionId, updatedAt: at, finishedAt: at };
  }

  fail(error: string, at: Date): void {
    this.requireUnfinished();
    this.state = { ...this.state, status: 'failed', error, updatedAt: at, finishedAt: at };
  }

  cancel(at: Date): void {
    this.requireUnfinished();
    this.state = { ...this.state, status: 'cancelled', updatedAt: at, finishedAt: at };
  }

  private requireUnfinished(): void {
    if (this.finished) throw new BatchPredictionFinished(this.state.id, this.state.status);
  }
}
