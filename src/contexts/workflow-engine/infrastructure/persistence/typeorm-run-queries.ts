import { Injectable } from '@nestjs/common';
import {
  RunQueries,
  type InFlightTaskRun,
  type Page,
  type RunFilter,
  type RunSummary,
  type WorkflowSummary,
} from '../../application/ports/run-queries.js';
import type { TaskAttempt } from '../../application/ports/task-queue.js';
import type { RunState } from '../../domain/run/run-state.js';
import { TypeOrmRunTransaction } from './typeorm-run-transaction.js';

interface WorkflowRow {
  id: string;
  name: string;
  latest_version: number;
  created_at: Date;
  updated_at: Date;
}

interface RunRow {
  id: string;
  workflow_id: string;
  workflow_version: number;
  state: RunState;
  created_at: Date;
  updated_at: Date;
}

interface InFlightRow {
  run_id: string;
  key: string;
  attempt: number;
  state: InFlightTaskRun['state'];
  retry_at: Date | null;
  queue: string | null;
}

/** Lists read straight from the tables, keyset-paginated on the UUIDv7 ids (time-ordered). */
@Injectable()
export class TypeOrmRunQueries extends RunQueries {
  constructor(private readonly transaction: TypeOrmRunTransaction) {
    super();
  }

  async listWorkflows(projectId: string, limit: number, cursor?: string): Promise<Page<WorkflowSummary>> {
    const rows = await this.transaction.manager().query<WorkflowRow[]>(
      `SELECT id, name, latest_version, created_at, updated_at FROM workflow_engine.workflows
        WHERE project_id = $1 AND ($2::uuid IS NULL OR id > $2::uuid) ORDER BY id LIMIT $3`,
      [projectId, cursor ?? null, limit + 1],
    );
    return page(rows, limit, (row) => ({
      id: row.id,
      name: row.name,
      latestVersion: row.latest_version,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }));
  }

  async listRuns(workflowId: string, filter: RunFilter): Promise<Page<RunSummary>> {
    const rows = await this.transaction.manager().query<RunRow[]>(
      `SELECT id, workflow_id, workflow_version, state, created_at, updated_at FROM workflow_engine.runs
        WHERE workflow_id = $1 AND ($2::text IS NULL OR state = $2) AND ($3::uuid IS NULL OR id < $3::uuid)
          AND ($5::timestamptz IS NULL OR created_at >= $5) AND ($6::timestamptz IS NULL OR created_at < $6)
        ORDER BY id DESC LIMIT $4`,
      [
        workflowId,
        filter.state ?? null,
        filter.cursor ?? null,
        filter.limit + 1,
        filter.createdFrom ?? null,
        filter.createdUntil ?? null,
      ],
    );
    return page(rows, filter.limit, (row) => ({
      id: row.id,
      workflowId: row.workflow_id,
      workflowVersion: row.workflow_version,
      state: row.state,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }));
  }

  async inFlightTaskRuns(limit: number, after?: Pick<TaskAttempt, 'runId' | 'key'>): Promise<InFlightTaskRun[]> {
    const rows = await this.transaction.manager().query<InFlightRow[]>(
      `SELECT t.run_id, t.key, t.attempt, t.state, t.retry_at,
              (SELECT task->>'queue' FROM jsonb_array_elements(v.document->'tasks') task
                WHERE task->>'id' = t.task_id) AS queue
         FROM workflow_engine.task_runs t JOIN workflow_engine.runs r ON r.id = t.run_id
         LEFT JOIN workflow_engine.workflow_versions v ON v.workflow_id = r.workflow_id AND v.number = r.workflow_version
        WHERE r.state IN ('running', 'paused') AND t.state IN ('queued', 'waiting_for_approval', 'running', 'retrying')
          AND ($1::uuid IS NULL OR (t.run_id, t.key) > ($1::uuid, $2::text))
        ORDER BY t.run_id, t.key LIMIT $3`,
      [after?.runId ?? null, after?.key ?? null, limit],
    );
    return rows.map((row) => ({
      runId: row.run_id,
      key: row.key,
      attempt: row.attempt,
      state: row.state,
      ...(row.retry_at !== null && { retryAt: row.retry_at }),
      ...(row.queue !== null && { queue: row.queue }),
    }));
  }
}

function page<TRow extends { id: string }, TItem>(rows: TRow[], limit: number, map: (row: TRow) => TItem): Page<TItem> {
  const items = rows.slice(0, limit);
  return { items: items.map(map), nextCursor: rows.length > limit ? items[items.length - 1].id : null };
}
