import { Injectable } from '@nestjs/common';
import {
  ApprovalQueries,
  type ApprovalFilter,
  type ApprovalStatus,
  type ApprovalSummary,
} from '../../application/ports/approval-queries.js';
import type { Page } from '../../application/ports/run-queries.js';
import { TypeOrmRunTransaction } from './typeorm-run-transaction.js';

interface ApprovalRow {
  id: string;
  project_id: string;
  run_id: string;
  workflow_id: string;
  workflow_name: string;
  task_run_key: string;
  attempt: number;
  status: ApprovalStatus;
  input: { approvers?: unknown; message?: unknown } | null;
  requested_at: Date;
  deadline_at: Date | null;
  decided_by: string | null;
  decided_at: Date | null;
  comment: string | null;
}

// A row still pending whose task run no longer waits at its attempt (the run was cancelled, or the
// attempt superseded) was never decided: it shows as cancelled, and never in the pending list.
const APPROVALS = `
  SELECT a.id, r.project_id, a.run_id, r.workflow_id, w.name AS workflow_name, a.task_run_key, a.attempt,
         t.input, a.requested_at, a.deadline_at, a.decided_by, a.decided_at, a.comment,
         CASE WHEN a.status = 'pending' AND NOT (t.state = 'waiting_for_approval' AND t.attempt = a.attempt
                                                 AND r.state IN ('running', 'paused'))
              THEN 'cancelled' ELSE a.status END AS status
    FROM workflow_engine.approval_requests a
    JOIN workflow_engine.runs r ON r.id = a.run_id
    JOIN workflow_engine.workflows w ON w.id = r.workflow_id
    JOIN workflow_engine.task_runs t ON t.run_id = a.run_id AND t.key = a.task_run_key
   WHERE r.project_id = ANY($1::uuid[])`;

/** Approval requests with their run, workflow and task run, read in one query. */
@Injectable()
export class TypeOrmApprovalQueries extends ApprovalQueries {
  constructor(private readonly transaction: TypeOrmRunTransaction) {
    super();
  }

  async list({ projectIds, status, decidableBy, limit, cursor }: ApprovalFilter): Promise<Page<ApprovalSummary>> {
    const rows = await this.transaction.manager().query<ApprovalRow[]>(
      `SELECT * FROM (${APPROVALS}) approval
        WHERE ($2::text IS NULL OR status = $2)
          AND ($3::text IS NULL OR jsonb_typeof(input->'approvers') IS DISTINCT FROM 'array'
               OR jsonb_array_length(input->'approvers') = 0 OR input->'approvers' @> jsonb_build_array($3::text))
          AND ($4::uuid IS NULL OR id < $4)
        ORDER BY id DESC LIMIT $5`,
      [[...projectIds], status ?? null, decidableBy ?? null, cursor ?? null, limit + 1],
    );
    const items = rows.slice(0, limit).map(summaryOf);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
  }
}

function summaryOf(row: ApprovalRow): ApprovalSummary {
  const approvers = Array.isArray(row.input?.approvers) ? row.input.approvers.filter(isText) : [];
  const message = row.input?.message;
  const decided = row.decided_by !== null && row.decided_at !== null;
  return {
    id: row.id,
    projectId: row.project_id,
    runId: row.run_id,
    workflowId: row.workflow_id,
    workflowName: row.workflow_name,
    taskKey: row.task_run_key,
    attempt: row.attempt,
    status: row.status,
    approvers,
    requestedAt: row.requested_at,
    ...(isText(message) && { message }),
    ...(row.deadline_at !== null && { expiresAt: row.deadline_at }),
    ...(decided && {
      decision: { by: row.decided_by!, at: row.decided_at!, ...(row.comment !== null && { comment: row.comment }) },
    }),
  };
}

const isText = (value: unknown): value is string => typeof value === 'string';
