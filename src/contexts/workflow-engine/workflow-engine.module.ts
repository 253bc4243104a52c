import { BullModule } from '@nestjs/bullmq';
import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobMetrics, RedisConnections, type ContextModuleOptions } from '@libs/platform';
import { TaskExecution } from './application/ports/task-execution.js';
import { TaskRunGateway } from './contracts/task-runs.js';
import { TaskTypeRegistry } from './contracts/task-types.js';
import { WorkflowDefinitionContribution } from './interface/http/openapi/workflow-definition.contribution.js';
import {
  readWorkflowEngineConfig,
  WORKFLOW_ENGINE_CONFIG,
  type WorkflowEngineConfig,
} from './infrastructure/config/workflow-engine-config.js';
import { HttpExecutor } from './infrastructure/executors/http.executor.js';
import { NoopExecutor } from './infrastructure/executors/noop.executor.js';
import { SleepExecutor } from './infrastructure/executors/sleep.executor.js';
import { TASK_EXECUTORS, TaskExecutors } from './infrastructure/executors/task-executors.js';
import { WORKFLOW_ENGINE_ENTITIES } from './infrastructure/persistence/entities.js';
import { ApprovalsController } from './interface/http/approvals.controller.js';
import { ExternalTasksController } from './interface/http/external-tasks.controller.js';
import { TaskLogsController } from './interface/http/task-logs.controller.js';
import { WorkflowRunsController } from './interface/http/workflow-runs.controller.js';
import { WorkflowsController } from './interface/http/workflows.controller.js';
import { YamlBodyParser } from './interface/http/yaml-body.parser.js';
import { taskRunProcessorWith } from './interface/jobs/configured-task-run.processor.js';
import { TRIGGER_CONSUMERS } from './interface/events/trigger-events.consumer.js';
import { ChildRunsConsumer } from './interface/events/child-runs.consumer.js';
import { ChildRunProcessor } from './interface/jobs/child-run.processor.js';
import { NamedQueueWorkers } from './interface/jobs/named-queue-workers.js';
import { RunReconciler } from './interface/jobs/run-reconciler.js';
import type { TaskRunProcessor } from './interface/jobs/task-run.processor.js';
import { ScheduleTicker } from './interface/jobs/schedule-ticker.js';
import {
  ADAPTERS,
  CHILD_RUN_QUEUE_REGISTRATION,
  TASK_QUEUE_REGISTRATION,
  USE_CASES,
} from './workflow-engine.providers.js';

const EXECUTORS = [NoopExecutor, SleepExecutor, HttpExecutor];

/** The workflow-engine context: workflow definitions (versioned DAGs), runs, task runs, schedules, task queues, external workers. */
@Module({})
export class WorkflowEngineModule {
  static register(options: ContextModuleOptions): DynamicModule {
    const configuredProcessor = taskRunProcessorWith(readWorkflowEngineConfig(process.env));
    const workers = options.workers
      ? [
          ...EXECUTORS,
          { provide: TASK_EXECUTORS, useFactory: (...executors: unknown[]) => executors, inject: EXECUTORS },
          { provide: TaskExecution, useClass: TaskExecutors },
          configuredProcessor,
          // Made by a factory, not an alias of the processor: BullMQ's explorer would start a second worker for an alias.
          {
            provide: NamedQueueWorkers,
            useFactory: (
              processor: TaskRunProcessor,
              redis: RedisConnections,
              config: WorkflowEngineConfig,
              metrics: JobMetrics,
            ) => new NamedQueueWorkers(processor, redis, config, metrics),
            inject: [configuredProcessor, RedisConnections, WORKFLOW_ENGINE_CONFIG, JobMetrics],
          },
          RunReconciler,
          ScheduleTicker,
          ...TRIGGER_CONSUMERS,
          ChildRunProcessor,
          ChildRunsConsumer,
        ]
      : [];
    return {
      module: WorkflowEngineModule,
      imports: [
        TypeOrmModule.forFeature(WORKFLOW_ENGINE_ENTITIES),
        BullModule.registerQueueAsync(TASK_QUEUE_REGISTRATION),
        ...(options.workers ? [BullModule.registerQueueAsync(CHILD_RUN_QUEUE_REGISTRATION)] : []),
      ],
      controllers: options.http
        ? [
            WorkflowsController,
            WorkflowRunsController,
            ExternalTasksController,
            TaskLogsController,
            ApprovalsController,
          ]
        : [],
      providers: [
        ...ADAPTERS,
        ...USE_CASES,
        ...(options.http ? [YamlBodyParser, WorkflowDefinitionContribution] : []),
        ...workers,
      ],
      exports: [TaskTypeRegistry, TaskRunGateway],
    };
  }
}
