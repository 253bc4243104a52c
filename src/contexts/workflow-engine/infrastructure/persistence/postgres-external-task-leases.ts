import { Injectable } from '@nestjs/common';
import { newId, NotFoundError } from '@libs/ddd';
import {
  ExternalTaskLeases,
  type ExternalTaskRef,
  type LeaseRequest,
  type Reservation,
} from '../../application/ports/external-task-leases.js';
import { LeaseLost } from '../../domain/errors.js';
import { TypeOrmRunTransaction } from './typeorm-run-transaction.js';

interface LeaseRow {
  id: string;
  run_id: string;
  task_run_key: string;
  attempt: number;
  lease_token: string;
  leased_until: Date;
}

const toRef = (row: Pick<LeaseRow, 'id' | 'run_id' | 'task_run_key' | 'attempt'>): ExternalTaskRef => ({
  id: row.id,
  runId: row.run_id,
  key: row.task_run_key,
  attempt: row.attempt,
});

/** External task leases in `workflow_engine.external_task_leases`, timed by PostgreSQL's clock. */
@Injectable()
export class PostgresExternalTaskLeases extends ExternalTaskLeases {
  constructor(private readonly transaction: TypeOrmRunTransaction) {
    super();
  }

  async reserve({ projectId, queue, workerId, leaseSeconds }: LeaseRequest): Promise<Reservation | undefined> {
    // One statement: the row is locked, skipped by concurrent claims, and leased before anyone else sees it.
    const [[row]] = await this.transaction.manager().query<[LeaseRow[], number]>(
      `WITH candidate AS (
         SELECT id FROM workflow_engine.external_task_leases
         WHERE project_id = $1 AND queue = $2 AND available_at <= now()
           AND (leased_until IS NULL OR leased_until <= now())
         ORDER BY available_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
       UPDATE workflow_engine.external_task_leases AS lease
       SET lease_token = $3, worker_id = $4, lease_seconds = $5::integer,
         leased_until = now() + make_interval(secs => $5::integer)
       FROM candidate WHERE lease.id = candidate.id
       RETURNING lease.id, lease.run_id, lease.task_run_key, lease.attempt, lease.lease_token, lease.leased_until`,
      [projectId, queue, newId(), workerId, leaseSeconds],
    );
    if (row === undefined) return undefined;
    return { ...toRef(row), leaseToken: row.lease_token, leasedUntil: row.leased_until };
  }

  async moveToAttempt(id: string, leaseToken: string, attempt: number): Promise<void> {
    await this.transaction
      .manager()
      .query('UPDATE workflow_engine.external_task_leases SET attempt = $3 WHERE id = $1 AND lease_token = $2', [
        id,
        leaseToken,
        attempt,
      ]);
  }

  async held(id: string, leaseToken: string): Promise<ExternalTaskRef> {
    const [row] = await this.transaction.manager().query<(LeaseRow & { live: boolean })[]>(
      `SELECT id, run_id, task_run_key, attempt, lease_token = $2 AND leased_until > now() AS live
       FROM workflow_engine.external_task_leases WHERE id = $1`,
      [id, leaseToken],
    );
    if (row === undefined) throw new NotFoundError('external task', id);
    if (!row.live) throw new LeaseLost(id);
    return toRef(row);
  }

  async extend(id: string, leaseToken: string): Promise<Date> {
    const [updated] = await this.transaction.manager().query<[Pick<LeaseRow, 'leased_until'>[], number]>(
      `UPDATE workflow_engine.external_task_leases SET leased_until = now() + make_interval(secs => lease_seconds)
       WHERE id = $1 AND lease_token = $2 AND leased_until > now() RETURNING leased_until`,
      [id, leaseToken],
    );
    if (updated[0] !== undefined) return updated[0].leased_until;
    await this.held(id, leaseToken);
    throw new LeaseLost(id);
  }

  async settle(id: string, attempt: number): Promise<void> {
    await this.transaction.manager().query(
      `UPDATE workflow_engine.external_task_leases
       SET available_at = 'infinity', lease_token = NULL, worker_id = NULL, leased_until = NULL
       WHERE id = $1 AND attempt = $2`,
      [id, attempt],
    );
  }
}
