import { Injectable } from '@nestjs/common';
import { isUuid } from '@libs/ddd';
import { ExternalTaskProjects, RunProjects, WorkflowProjects } from '../../application/ports/resource-projects.js';
import { TypeOrmRunTransaction } from './typeorm-run-transaction.js';

@Injectable()
export class TypeOrmWorkflowProjects extends WorkflowProjects {
  constructor(private readonly transaction: TypeOrmRunTransaction) {
    super();
  }

  projectOf(workflowId: string): Promise<string | undefined> {
    return projectOfRow(this.transaction, 'workflows', workflowId);
  }
}

@Injectable()
export class TypeOrmRunProjects extends RunProjects {
  constructor(private readonly transaction: TypeOrmRunTransaction) {
    super();
  }

  projectOf(runId: string): Promise<string | undefined> {
    return projectOfRow(this.transaction, 'runs', runId);
  }
}

@Injectable()
export class TypeOrmExternalTaskProjects extends ExternalTaskProjects {
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
