import { Injectable } from '@nestjs/common';
import {
  WorkflowTriggers,
  type TriggeringEvent,
  type TriggerSubscription,
} from '../../application/ports/workflow-triggers.js';
import { TypeOrmRunTransaction } from './typeorm-run-transaction.js';

/** The trigger index in `workflow_engine.workflow_triggers`, looked up by event type. */
@Injectable()
export class PostgresWorkflowTriggers extends WorkflowTriggers {
  constructor(private readonly transaction: TypeOrmRunTransaction) {
    super();
  }

  async keep(workflowId: string, projectId: string, eventTypes: readonly string[], now: Date): Promise<void> {
    const manager = this.transaction.manager();
    await manager.query(
      'DELETE FROM workflow_engine.workflow_triggers WHERE workflow_id = $1 AND NOT (event_type = ANY($2::text[]))',
      [workflowId, eventTypes],
    );
    // A type the previous version had keeps its `since`.
    await manager.query(
      `INSERT INTO workflow_engine.workflow_triggers (event_type, workflow_id, project_id, since)
       SELECT unnest($1::text[]), $2, $3, $4 ON CONFLICT DO NOTHING`,
      [eventTypes, workflowId, projectId, now],
    );
  }

  async subscribedTo(events: readonly TriggeringEvent[]): Promise<TriggerSubscription[][]> {
    const rows = await this.transaction.manager().query<{ n: string; workflow_id: string; project_id: string }[]>(
      `SELECT e.n, t.workflow_id, t.project_id
         FROM unnest($1::text[], $2::timestamptz[]) WITH ORDINALITY AS e(type, occurred_at, n)
         JOIN workflow_engine.workflow_triggers t ON t.event_type = e.type AND t.since <= e.occurred_at
         JOIN workflow_engine.workflows w ON w.id = t.workflow_id
        WHERE w.paused_at IS NULL
        ORDER BY e.n, t.workflow_id`,
      [events.map((event) => event.type), events.map((event) => event.occurredAt)],
    );
    const subscribed = events.map((): TriggerSubscription[] => []);
    for (const row of rows)
      subscribed[Number(row.n) - 1].push({ workflowId: row.workflow_id, projectId: row.project_id });
    return subscribed;
  }
}
