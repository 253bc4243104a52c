import { Module, type DynamicModule } from '@nestjs/common';
import { AmbientTransaction } from '@libs/platform';
import { ListScheduledWorkflowsHandler } from './application/list-scheduled-workflows/list-scheduled-workflows.handler.js';
import { ScheduledWorkflowsFacade } from './contracts/scheduled-workflows.facade.js';
import { TaskLogSource } from './contracts/task-log-source.js';
import { TypeOrmRunTransaction } from './infrastructure/persistence/typeorm-run-transaction.js';
import { READ_FACADE_ADAPTERS } from './read-facade.providers.js';

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
      providers: [AmbientTransaction, TypeOrmRunTransaction, ListScheduledWorkflowsHandler, ...READ_FACADE_ADAPTERS],
      exports: [ScheduledWorkflowsFacade, TaskLogSource],
    };
  }
}
