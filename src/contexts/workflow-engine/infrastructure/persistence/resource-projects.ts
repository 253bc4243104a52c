import { Injectable } from '@nestjs/common';
import { isUuid } from '@libs/ddd';
import { ProjectOfResource } from '@contexts/user-management';
import { TypeOrmRunTransaction } from './typeorm-run-transaction.js';

/** The project of a workflow addressed by its id, for the access guard (unknown ids answer 404). */
@Injectable()
export class WorkflowProjects extends ProjectOfResource {
  constructor(private readonly transaction: TypeOrmRunTransaction) {
    super();
  }

  projectOf(workflowId: string): Promise<string | undefined> {
    return projectOfRow(this.transaction, 'workflows', workflowId);
  }
}

/** The project of a run addressed by its id, for the access guard. */
@Injectable()
export class RunProjects extends ProjectOfResource {
  constructor(private readonly transaction: TypeOrmRunTransaction) {
    super();
  }

  projectOf(runId: string): Promise<string | undefined> {
    return projectOfRow(this.transaction, 'runs', runId);
  }
}

/** The project of an external task addressed by its lease row's id (`/api/v1/external-tasks/{taskRunId}`). */
@Injectable()
export class ExternalTaskProjects extends ProjectOfResource {
  constructor(private readonly transaction: TypeOrmRunTransaction) {
    super();
  }

  projectOf(taskRunId: string): Promise<string | undefined> {
    return projectOfRow(this.transaction, 'external_task_leases', taskRunId);
  }
}

async function projectOfRow(
  transaction: TypeOrmRunTransaction,
  table: 'workflows' | 'runs' | 'external_task_leases',
  id: string,
): Promise<string | undefined> {
  // A malformed id is simply not found; letting it reach a uuid cast would be a 500.
  if (!isUuid(id)) return undefined;
  const [row] = await transaction
    .manager()
    .query<{ project_id: string }[]>(`SELECT project_id FROM workflow_engine.${table} WHERE id = $1`, [id]);
  return row?.project_id;
}
