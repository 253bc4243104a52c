import { NotFoundError } from '@libs/ddd';
import { LeaseLost } from '../../../src/contexts/workflow-engine/domain/errors.js';
import {
  ExternalTaskLeases,
  type ExternalTaskRef,
  type LeaseRequest,
  type Reservation,
} from '../../../src/contexts/workflow-engine/application/ports/external-task-leases.js';
import { settled } from '../model-registry/settled.js';

/** A lease row: an external task run offered on a queue, perhaps leased to a worker, perhaps settled. */
interface LeaseRow {
  readonly id: string;
  readonly runId: string;
  readonly key: string;
  attempt: number;
  readonly projectId: string;
  readonly queue: string;
  leaseToken?: string;
  leasedUntil?: Date;
  leaseSeconds?: number;
  settled: boolean;
}

/**
 * The lease rows in memory, on the clock the spec gives (the store's own clock in production): the
 * oldest offered or expired row is reserved first; a token that is not the row's, or whose lease
 * ended, is LeaseLost.
 */
export class InMemoryExternalTaskLeases extends ExternalTaskLeases {
  readonly rows: LeaseRow[] = [];
  private tokens = 0;

  constructor(private readonly now: () => Date) {
    super();
  }

  /** Arranges an offered row for the attempt of a task run, as dispatching an external task does. */
  offer(ref: ExternalTaskRef, projectId: string, queue: string): void {
    this.rows.push({ ...ref, projectId, queue, settled: false });
  }

  reserve({ projectId, queue, leaseSeconds }: LeaseRequest): Promise<Reservation | undefined> {
    return settled(() => {
      const row = this.rows.find(
        (candidate) =>
          candidate.projectId === projectId &&
          candidate.queue === queue &&
          !candidate.settled &&
          (candidate.leasedUntil === undefined || candidate.leasedUntil <= this.now()),
      );
      if (row === undefined) return undefined;
      this.tokens += 1;
      row.leaseToken = `token-${this.tokens}`;
      row.leaseSeconds = leaseSeconds;
      row.leasedUntil = new Date(this.now().getTime() + leaseSeconds * 1000);
      const { id, runId, key, attempt } = row;
      return { id, runId, key, attempt, leaseToken: row.leaseToken, leasedUntil: row.leasedUntil };
    });
  }

  moveToAttempt(id: string, leaseToken: string, attempt: number): Promise<void> {
    return settled(() => {
      this.holding(id, leaseToken).attempt = attempt;
    });
  }

  held(id: string, leaseToken: string): Promise<ExternalTaskRef> {
    return settled(() => {
      const { runId, key, attempt } = this.holding(id, leaseToken);
      return { id, runId, key, attempt };
    });
  }

  extend(id: string, leaseToken: string): Promise<Date> {
    return settled(() => {
      const row = this.holding(id, leaseToken);
      row.leasedUntil = new Date(this.now().getTime() + (row.leaseSeconds ?? 0) * 1000);
      return row.leasedUntil;
    });
  }

  settle(id: string, attempt: number): Promise<void> {
    return settled(() => {
      const row = this.rows.find((candidate) => candidate.id === id);
      if (row !== undefined && row.attempt === attempt) row.settled = true;
    });
  }

  private holding(id: string, leaseToken: string): LeaseRow & { leasedUntil: Date } {
    const row = this.rows.find((candidate) => candidate.id === id);
    if (row === undefined) throw new NotFoundError('external task', id);
    const { leasedUntil } = row;
    if (row.leaseToken !== leaseToken || leasedUntil === undefined || leasedUntil <= this.now()) {
      throw new LeaseLost(id);
    }
    return Object.assign(row, { leasedUntil });
  }
}
