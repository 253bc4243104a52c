import type { Provider } from '@nestjs/common';
import { PostgresRunLogSource } from '@libs/platform';
import { ScheduledWorkflowReader } from './application/ports/scheduled-workflow-reader.js';
import { ScheduledWorkflowsFacade } from './contracts/scheduled-workflows.facade.js';
import { TaskLogSource } from './contracts/task-log-source.js';
import { SqlScheduledWorkflowReader } from './infrastructure/persistence/sql-scheduled-workflow-reader.js';
import { TASK_LOG_TABLE } from './infrastructure/persistence/task-log-table.js';
import { TypeOrmRunTransaction } from './infrastructure/persistence/typeorm-run-transaction.js';
import { LocalScheduledWorkflowsFacade } from './infrastructure/scheduled-workflows.facade.local.js';

/**
 * The bindings behind the engine's read-only facades: one list for the engine's own module and for
 * `WorkflowEngineFacadesModule`, which binds them where the engine is not hosted (docs/adr/0702).
 */
export const READ_FACADE_ADAPTERS: Provider[] = [
  { provide: ScheduledWorkflowReader, useClass: SqlScheduledWorkflowReader },
  { provide: ScheduledWorkflowsFacade, useClass: LocalScheduledWorkflowsFacade },
  {
    provide: TaskLogSource,
    useFactory: (transaction: TypeOrmRunTransaction) =>
      new PostgresRunLogSource(transaction, 'task-run', TASK_LOG_TABLE),
    inject: [TypeOrmRunTransaction],
  },
];
