import { Injectable } from '@nestjs/common';
import { WorkflowTriggers, type TriggerSubscription } from '../../application/ports/workflow-triggers.js';
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

  async subscribedTo(eventType: string, occurredAt: Date): Promise<TriggerSubscription[]> {
    const rows = await this.transaction.manager().query<{ workflow_id: string; project_id: string }[]>(
      `SELECT t.workflow_id, t.project_id
         FROM workflow_engine.workflow_triggers t JOIN workflow_engine.workflows w ON w.id = t.workflow_id
        WHERE t.event_type = $1 AND t.since <= $2 AND w.paused_at IS NULL ORDER BY t.workflow_id`,
      [eventType, occurredAt],
    );
    return rows.map((row) => ({ workflowId: row.workflow_id, projectId: row.project_id }));
  }
}
