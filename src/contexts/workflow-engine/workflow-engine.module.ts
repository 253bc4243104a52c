import { BullModule } from '@nestjs/bullmq';
import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ContextModuleOptions } from '@libs/platform';
import { TaskRunGateway } from './contracts/task-runs.js';
import { ScheduledWorkflowsFacade } from './contracts/scheduled-workflows.facade.js';
import { PublishedEventRegistry } from './contracts/published-events.js';
import { TaskTypeRegistry } from './contracts/task-types.js';
import { TaskLogSource } from './contracts/task-log-source.js';
import { WORKFLOW_ENGINE_ENTITIES } from './infrastructure/persistence/entities.js';
import { ApprovalsController } from './interface/http/approvals.controller.js';
import { ExternalTasksController } from './interface/http/external-tasks.controller.js';
import { TaskLogsController } from './interface/http/task-logs.controller.js';
import { WorkflowRunsController } from './interface/http/workflow-runs.controller.js';
import { WorkflowsController } from './interface/http/workflows.controller.js';
import {
  CHILD_RUN_QUEUE_REGISTRATION,
  TASK_QUEUE_REGISTRATION,
  workflowEngineProviders,
} from './workflow-engine.providers.js';
import { WorkflowEngineFacadesModule } from './workflow-engine-facades.module.js';

const CONTROLLERS = [
  WorkflowsController,
  WorkflowRunsController,
  ExternalTasksController,
  TaskLogsController,
  ApprovalsController,
];

/** The workflow-engine context: workflow definitions (versioned DAGs), runs, task runs, schedules, task queues, external workers. */
@Module({})
export class WorkflowEngineModule {
  static register(options: ContextModuleOptions): DynamicModule {
    return {
      module: WorkflowEngineModule,
      imports: [
        TypeOrmModule.forFeature(WORKFLOW_ENGINE_ENTITIES),
        BullModule.registerQueueAsync(TASK_QUEUE_REGISTRATION),
        ...(options.workers ? [BullModule.registerQueueAsync(CHILD_RUN_QUEUE_REGISTRATION)] : []),
      ],
      controllers: options.http ? CONTROLLERS : [],
      providers: workflowEngineProviders(options),
      exports: [TaskTypeRegistry, PublishedEventRegistry, TaskRunGateway, ScheduledWorkflowsFacade, TaskLogSource],
    };
  }

  /** Its facades where it is not hosted: reads of its schema through its own code (docs/adr/0702). */
  static facades(): DynamicModule {
    return WorkflowEngineFacadesModule.register();
  }
}
