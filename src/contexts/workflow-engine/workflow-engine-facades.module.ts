import { Module, type DynamicModule } from '@nestjs/common';
import { AmbientTransaction, PostgresRunLogSource } from '@libs/platform';
import { ListScheduledWorkflowsHandler } from './application/list-scheduled-workflows/list-scheduled-workflows.handler.js';
import { ScheduledWorkflowReader } from './application/ports/scheduled-workflow-reader.js';
import { ScheduledWorkflowsFacade } from './contracts/scheduled-workflows.facade.js';
import { TaskLogSource } from './contracts/task-log-source.js';
import { SqlScheduledWorkflowReader } from './infrastructure/persistence/sql-scheduled-workflow-reader.js';
import { TASK_LOG_TABLE } from './infrastructure/persistence/task-log-table.js';
import { TypeOrmRunTransaction } from './infrastructure/persistence/typeorm-run-transaction.js';
import { LocalScheduledWorkflowsFacade } from './infrastructure/scheduled-workflows.facade.local.js';

/**
 * The engine's read-only facades in a process that does not host the engine (docs/adr/0702): they
 * are reads of the engine's own schema through the engine's own code, so they bind the same local
 * implementations as the engine module does, against the database every process shares. Monitoring
 * in another process (the split topology's `api-ml`) then sees scheduled workflows and task logs.
 */
@Module({})
export class WorkflowEngineFacadesModule {
  static register(): DynamicModule {
    return {
      module: WorkflowEngineFacadesModule,
      providers: [
        AmbientTransaction,
        TypeOrmRunTransaction,
        ListScheduledWorkflowsHandler,
        { provide: ScheduledWorkflowReader, useClass: SqlScheduledWorkflowReader },
        { provide: ScheduledWorkflowsFacade, useClass: LocalScheduledWorkflowsFacade },
        {
          provide: TaskLogSource,
          useFactory: (transaction: TypeOrmRunTransaction) =>
            new PostgresRunLogSource(transaction, 'task-run', TASK_LOG_TABLE),
          inject: [TypeOrmRunTransaction],
        },
      ],
      exports: [ScheduledWorkflowsFacade, TaskLogSource],
    };
  }
}
