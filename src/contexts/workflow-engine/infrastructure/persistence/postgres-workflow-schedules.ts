import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  WorkflowSchedules,
  type ScheduleCursor,
  type ScheduleState,
} from '../../application/ports/workflow-schedules.js';
import type { CatchUp } from '../../domain/definition/definition-document.js';
import { TypeOrmRunTransaction } from './typeorm-run-transaction.js';

interface ScheduleRow {
  workflow_id: string;
  project_id: string;
  cron: string;
  timezone: string;
  catch_up: CatchUp;
  last_fired_at: Date;
  next_fire_at: Date;
}

// An unchanged cron and time zone keep the cursor: saving a version neither fires nor skips a slot.
const UPSERT = `
  INSERT INTO workflow_engine.schedules AS kept
    (workflow_id, project_id, cron, timezone, catch_up, last_fired_at, next_fire_at, updated_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, now())
  ON CONFLICT (workflow_id) DO UPDATE SET
    catch_up = EXCLUDED.catch_up,
    updated_at = EXCLUDED.updated_at,
    last_fired_at = CASE WHEN (kept.cron, kept.timezone) = (EXCLUDED.cron, EXCLUDED.timezone)
      THEN kept.last_fired_at ELSE EXCLUDED.last_fired_at END,
    next_fire_at = CASE WHEN (kept.cron, kept.timezone) = (EXCLUDED.cron, EXCLUDED.timezone)
      THEN kept.next_fire_at ELSE EXCLUDED.next_fire_at END,
    cron = EXCLUDED.cron,
    timezone = EXCLUDED.timezone`;

// A paused workflow's schedule stays due: at unpause its catch-up policy decides about the slots missed.
const CLAIM_ONE = `
  SELECT s.workflow_id, s.project_id, s.cron, s.timezone, s.catch_up, s.last_fired_at, s.next_fire_at
    FROM workflow_engine.schedules s JOIN workflow_engine.workflows w ON w.id = s.workflow_id
   WHERE s.next_fire_at <= $1 AND w.paused_at IS NULL
   ORDER BY s.next_fire_at LIMIT 1 FOR UPDATE OF s SKIP LOCKED`;

/** Schedules in `workflow_engine.schedules`; claims are row locks skipped by other pollers. */
@Injectable()
export class PostgresWorkflowSchedules extends WorkflowSchedules {
  constructor(
    private readonly transaction: TypeOrmRunTransaction,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    super();
  }

  async keep(workflowId: string, state: ScheduleState | undefined): Promise<void> {
    const manager = this.transaction.manager();
    if (state === undefined) {
      await manager.query('DELETE FROM workflow_engine.schedules WHERE workflow_id = $1', [workflowId]);
      return;
    }
    const { projectId, cron, timezone, catchUp, lastFiredAt, nextFireAt } = state;
    await manager.query(UPSERT, [workflowId, projectId, cron, timezone, catchUp, lastFiredAt, nextFireAt]);
  }

  async claimDue(now: Date, limit: number, fire: (due: ScheduleState) => Promise<ScheduleCursor>): Promise<number> {
    let claimed = 0;
    // One schedule per transaction, outside any ambient one: the runs `fire` starts commit on their own.
    while (claimed < limit && (await this.dataSource.transaction((manager) => this.claimOne(manager, now, fire)))) {
      claimed += 1;
    }
    return claimed;
  }

  async find(workflowId: string): Promise<ScheduleState | undefined> {
    const [row] = await this.transaction
      .manager()
      .query<ScheduleRow[]>('SELECT * FROM workflow_engine.schedules WHERE workflow_id = $1', [workflowId]);
    return row && toState(row);
  }

  private async claimOne(
    manager: EntityManager,
    now: Date,
    fire: (due: ScheduleState) => Promise<ScheduleCursor>,
  ): Promise<boolean> {
    const [row] = await manager.query<ScheduleRow[]>(CLAIM_ONE, [now]);
    if (row === undefined) return false;
    const cursor = await fire(toState(row));
    await manager.query(
      'UPDATE workflow_engine.schedules SET last_fired_at = $2, next_fire_at = $3, updated_at = now() WHERE workflow_id = $1',
      [row.workflow_id, cursor.lastFiredAt, cursor.nextFireAt],
    );
    return true;
  }
}

function toState(row: ScheduleRow): ScheduleState {
  return {
    workflowId: row.workflow_id,
    projectId: row.project_id,
    cron: row.cron,
    timezone: row.timezone,
    catchUp: row.catch_up,
    lastFiredAt: row.last_fired_at,
    nextFireAt: row.next_fire_at,
  };
}
