import type { Provider, Type } from '@nestjs/common';
import { OutboundPolicy } from '@libs/outbound';
import { AmbientTransaction, JobMetrics, RedisConnections, type ContextModuleOptions } from '@libs/platform';
import { ClaimExternalTaskHandler } from './application/claim-external-task/claim-external-task.handler.js';
import { CompleteTaskHandler } from './application/complete-task/complete-task.handler.js';
import { ControlRunHandler } from './application/control-run/control-run.handler.js';
import { DecideApprovalHandler } from './application/decide-approval/decide-approval.handler.js';
import { ExpireApprovalsHandler } from './application/expire-approvals/expire-approvals.handler.js';
import { CreateWorkflowHandler } from './application/create-workflow/create-workflow.handler.js';
import { DefinitionValidation } from './application/services/definition-validation.js';
import { FailTaskHandler } from './application/fail-task/fail-task.handler.js';
import { GetRunHandler } from './application/get-run/get-run.handler.js';
import { GetWorkflowHandler } from './application/get-workflow/get-workflow.handler.js';
import { GetWorkflowVersionHandler } from './application/get-workflow-version/get-workflow-version.handler.js';
import { FindTriggeredWorkflowsHandler } from './application/find-triggered-workflows/find-triggered-workflows.handler.js';
import { RunControls } from './application/services/run-controls.js';
import { RunStarter } from './application/services/run-starter.js';
import { TaskAttempts } from './application/services/task-attempts.js';
import { ListRunsHandler } from './application/list-runs/list-runs.handler.js';
import { ListWorkflowsHandler } from './application/list-workflows/list-workflows.handler.js';
import { PlanWorkflowHandler } from './application/plan-workflow/plan-workflow.handler.js';
import { BackfillWorkflowHandler } from './application/backfill-workflow/backfill-workflow.handler.js';
import { FireSchedulesHandler } from './application/fire-schedules/fire-schedules.handler.js';
import { ApprovalQueries } from './application/ports/approval-queries.js';
import { ApprovalRequests } from './application/ports/approval-requests.js';
import { ApproverProjects } from './application/ports/approver-projects.js';
import { ListMyApprovalsHandler } from './application/list-my-approvals/list-my-approvals.handler.js';
import { ListProjectApprovalsHandler } from './application/list-project-approvals/list-project-approvals.handler.js';
import { FacadeApproverProjects } from './infrastructure/adapters/facade-approver-projects.js';
import { TypeOrmApprovalQueries } from './infrastructure/persistence/typeorm-approval-queries.js';
import { Clock } from './application/ports/clock.js';
import { ExternalTaskLeases } from './application/ports/external-task-leases.js';
import { RunQueries } from './application/ports/run-queries.js';
import { RunTransaction } from './application/ports/run-transaction.js';
import { TaskCache } from './application/ports/task-cache.js';
import { TaskLogs } from './application/ports/task-logs.js';
import { TaskOffers } from './application/ports/task-offers.js';
import { TaskQueue } from './application/ports/task-queue.js';
import { WorkflowSchedules } from './application/ports/workflow-schedules.js';
import { WorkflowTriggers } from './application/ports/workflow-triggers.js';
import { YamlDocumentReader } from './application/ports/yaml-document.reader.js';
import { ReconcileRunsHandler } from './application/reconcile-runs/reconcile-runs.handler.js';
import { ReadTaskLogsHandler } from './application/read-task-logs/read-task-logs.handler.js';
import { CancelChildRunsHandler } from './application/cancel-child-runs/cancel-child-runs.handler.js';
import { ChildRuns } from './application/ports/child-runs.js';
import { ReportChildRunHandler } from './application/report-child-run/report-child-run.handler.js';
import { ReportExternalTaskHandler } from './application/report-external-task/report-external-task.handler.js';
import { RerunRunHandler } from './application/rerun-run/rerun-run.handler.js';
import { RetryTaskHandler } from './application/retry-task/retry-task.handler.js';
import { RunAdmission } from './application/services/run-admission.js';
import { RunChanges } from './application/services/run-changes.js';
import { EngineTaskRunGateway } from './application/services/engine-task-run-gateway.js';
import { StartChildRunHandler } from './application/start-child-run/start-child-run.handler.js';
import { StartRunHandler } from './application/start-run/start-run.handler.js';
import { StartTaskHandler } from './application/start-task/start-task.handler.js';
import { StartTriggeredRunsHandler } from './application/start-triggered-runs/start-triggered-runs.handler.js';
import { InMemoryPublishedEventRegistry } from './application/services/in-memory-published-event.registry.js';
import { InMemoryTaskTypeRegistry } from './application/services/in-memory-task-type.registry.js';
import { PauseWorkflowHandler } from './application/pause-workflow/pause-workflow.handler.js';
import { UpdateWorkflowHandler } from './application/update-workflow/update-workflow.handler.js';
import { ValidateDefinitionHandler } from './application/validate-definition/validate-definition.handler.js';
import { WorkflowActivation } from './application/services/workflow-activation.js';
import { BUILT_IN_TASK_TYPES } from './contracts/built-in-task-types.js';
import { TaskRunGateway } from './contracts/task-runs.js';
import { WORKFLOW_ENGINE_EVENT_TYPES } from './contracts/events.js';
import { PublishedEventRegistry } from './contracts/published-events.js';
import { TaskTypeRegistry } from './contracts/task-types.js';
import { CronCalendar } from './domain/definition/cron-calendar.js';
import { OutboundUrlCheck } from './domain/definition/outbound-url.check.js';
import { PublishedEventCatalogue } from './domain/definition/published-event.catalogue.js';
import { JsonSchemaValidator } from './domain/definition/json-schema.validator.js';
import { TaskTypeCatalog } from './domain/definition/task-type.catalog.js';
import { WorkflowDefinitionRepository } from './domain/definition/workflow-definition.repository.js';
import { WorkflowRunRepository } from './domain/run/workflow-run.repository.js';
import { AjvJsonSchemaValidator } from './infrastructure/adapters/ajv-json-schema.validator.js';
import { CronParserCalendar } from './infrastructure/adapters/cron-parser-calendar.js';
import { PolicyOutboundUrlCheck } from './infrastructure/adapters/policy-outbound-url.check.js';
import { YamlLibraryDocumentReader } from './infrastructure/adapters/yaml-library-document.reader.js';
import {
  readWorkflowEngineConfig,
  WORKFLOW_ENGINE_CONFIG,
  type WorkflowEngineConfig,
} from './infrastructure/config/workflow-engine-config.js';
import { ChildRunLinks } from './infrastructure/persistence/child-run-links.js';
import { CommittedRuns } from './infrastructure/persistence/committed-runs.js';
import { QueueDepthGauge } from './infrastructure/metrics/queue-depth-gauge.js';
import { RunCancellations } from './infrastructure/queue/run-cancellations.js';
import { RUN_METRIC_PROVIDERS, RunMetrics } from './infrastructure/metrics/run-metrics.js';
import { PostgresExternalTaskLeases } from './infrastructure/persistence/postgres-external-task-leases.js';
import { PostgresTaskLogs } from './infrastructure/persistence/postgres-task-logs.js';
import { READ_FACADE_ADAPTERS } from './read-facade.providers.js';
import { PostgresTaskCache } from './infrastructure/persistence/postgres-task-cache.js';
import { PostgresWorkflowSchedules } from './infrastructure/persistence/postgres-workflow-schedules.js';
import { PostgresWorkflowTriggers } from './infrastructure/persistence/postgres-workflow-triggers.js';
import { ExternalTaskProjects, RunProjects, WorkflowProjects } from './application/ports/resource-projects.js';
import { RunCancellationSignals } from './application/ports/run-cancellation-signals.js';
import {
  TypeOrmExternalTaskProjects,
  TypeOrmRunProjects,
  TypeOrmWorkflowProjects,
} from './infrastructure/persistence/resource-projects.js';
import { TypeOrmRunQueries } from './infrastructure/persistence/typeorm-run-queries.js';
import { TypeOrmRunTransaction } from './infrastructure/persistence/typeorm-run-transaction.js';
import { ListScheduledWorkflowsHandler } from './application/list-scheduled-workflows/list-scheduled-workflows.handler.js';
import { TypeOrmWorkflowDefinitionRepository } from './infrastructure/persistence/typeorm-workflow-definition.repository.js';
import { TypeOrmWorkflowRunRepository } from './infrastructure/persistence/typeorm-workflow-run.repository.js';
import { VersionSpecs } from './infrastructure/persistence/version-specs.js';
import { ApprovalRequestQueue } from './infrastructure/queue/approval-request-queue.js';
import { BullMqTaskQueue } from './infrastructure/queue/bullmq-task-queue.js';
import { TaskTypeQueues } from './infrastructure/queue/task-type-queues.js';
import { DispatchingTaskQueue } from './infrastructure/queue/dispatching-task-queue.js';
import { ExternalTaskQueue } from './infrastructure/queue/external-task-queue.js';
import { InProcessTaskOffers } from './infrastructure/queue/in-process-task-offers.js';
import { CHILD_RUN_QUEUE, QUEUE_PREFIX, TASK_QUEUE } from './application/ports/task-job-queues.js';
import { WorkerSettings } from './application/ports/worker-settings.js';
import { SystemClock } from './infrastructure/system-clock.js';
import { HttpExecutor } from './infrastructure/executors/http.executor.js';
import { NoopExecutor } from './infrastructure/executors/noop.executor.js';
import { SleepExecutor } from './infrastructure/executors/sleep.executor.js';
import { TaskExecution } from './application/ports/task-execution.js';
import { TASK_EXECUTORS, TaskExecutors } from './infrastructure/executors/task-executors.js';
import { ChildRunsConsumer } from './interface/events/child-runs.consumer.js';
import { TRIGGER_CONSUMERS } from './interface/events/trigger-events.consumer.js';
import { WorkflowDefinitionContribution } from './interface/http/openapi/workflow-definition.contribution.js';
import { YamlBodyParser } from './interface/http/yaml-body.parser.js';
import { ChildRunProcessor } from './interface/jobs/child-run.processor.js';
import { taskRunProcessorWith } from './interface/jobs/configured-task-run.processor.js';
import { NamedQueueWorkers } from './interface/jobs/named-queue-workers.js';
import { RunReconciler } from './interface/jobs/run-reconciler.js';
import { ScheduleTicker } from './interface/jobs/schedule-ticker.js';
import type { TaskRunProcessor } from './interface/jobs/task-run.processor.js';

/** The application services the use cases share. */
const SERVICES: Type[] = [
  DefinitionValidation,
  WorkflowActivation,
  RunAdmission,
  RunChanges,
  RunStarter,
  RunControls,
  TaskAttempts,
];

/** The context's use-case handlers, one per folder under application/ (docs/use-cases.md). */
export const USE_CASES: Type[] = [
  CreateWorkflowHandler,
  UpdateWorkflowHandler,
  PauseWorkflowHandler,
  ValidateDefinitionHandler,
  PlanWorkflowHandler,
  GetWorkflowHandler,
  GetWorkflowVersionHandler,
  ListWorkflowsHandler,
  StartRunHandler,
  FireSchedulesHandler,
  BackfillWorkflowHandler,
  FindTriggeredWorkflowsHandler,
  StartTriggeredRunsHandler,
  GetRunHandler,
  ListRunsHandler,
  StartTaskHandler,
  CompleteTaskHandler,
  FailTaskHandler,
  ControlRunHandler,
  RetryTaskHandler,
  RerunRunHandler,
  ReconcileRunsHandler,
  ClaimExternalTaskHandler,
  ReportExternalTaskHandler,
  ReadTaskLogsHandler,
  StartChildRunHandler,
  ReportChildRunHandler,
  CancelChildRunsHandler,
  DecideApprovalHandler,
  ExpireApprovalsHandler,
  ListProjectApprovalsHandler,
  ListMyApprovalsHandler,
  ListScheduledWorkflowsHandler,
];

const ADAPTERS: Provider[] = [
  ...READ_FACADE_ADAPTERS,
  { provide: WORKFLOW_ENGINE_CONFIG, useFactory: () => readWorkflowEngineConfig(process.env) },
  { provide: WorkerSettings, useExisting: WORKFLOW_ENGINE_CONFIG },
  { provide: JsonSchemaValidator, useClass: AjvJsonSchemaValidator },
  { provide: CronCalendar, useClass: CronParserCalendar },
  {
    provide: OutboundPolicy,
    useFactory: (config: WorkflowEngineConfig) => new OutboundPolicy(config.outbound),
    inject: [WORKFLOW_ENGINE_CONFIG],
  },
  { provide: OutboundUrlCheck, useClass: PolicyOutboundUrlCheck },
  { provide: YamlDocumentReader, useClass: YamlLibraryDocumentReader },
  // One registry is both the public door for contributed task types and the catalog validation reads.
  {
    provide: InMemoryTaskTypeRegistry,
    useFactory: (config: WorkflowEngineConfig) =>
      new InMemoryTaskTypeRegistry(BUILT_IN_TASK_TYPES, [...config.taskQueues.keys()]),
    inject: [WORKFLOW_ENGINE_CONFIG],
  },
  { provide: TaskTypeRegistry, useExisting: InMemoryTaskTypeRegistry },
  { provide: TaskTypeCatalog, useExisting: InMemoryTaskTypeRegistry },
  // Likewise for the event types triggers may name: the engine's own, then those other contexts declare.
  {
    provide: InMemoryPublishedEventRegistry,
    useFactory: () => new InMemoryPublishedEventRegistry(new Map([['workflow-engine', WORKFLOW_ENGINE_EVENT_TYPES]])),
  },
  { provide: PublishedEventRegistry, useExisting: InMemoryPublishedEventRegistry },
  { provide: PublishedEventCatalogue, useExisting: InMemoryPublishedEventRegistry },
  { provide: Clock, useClass: SystemClock },
  AmbientTransaction,
  TypeOrmRunTransaction,
  { provide: RunTransaction, useExisting: TypeOrmRunTransaction },
  VersionSpecs,
  CommittedRuns,
  { provide: WorkflowDefinitionRepository, useClass: TypeOrmWorkflowDefinitionRepository },
  { provide: WorkflowRunRepository, useClass: TypeOrmWorkflowRunRepository },
  { provide: RunQueries, useClass: TypeOrmRunQueries },
  { provide: TaskCache, useClass: PostgresTaskCache },
  TaskTypeQueues,
  ChildRunLinks,
  { provide: ChildRuns, useExisting: ChildRunLinks },
  ...RUN_METRIC_PROVIDERS,
  RunMetrics,
  QueueDepthGauge,
  RunCancellations,
  { provide: RunCancellationSignals, useExisting: RunCancellations },
  BullMqTaskQueue,
  { provide: TaskRunGateway, useClass: EngineTaskRunGateway },
  ExternalTaskQueue,
  ApprovalRequestQueue,
  { provide: ApprovalRequests, useExisting: ApprovalRequestQueue },
  { provide: ApprovalQueries, useClass: TypeOrmApprovalQueries },
  { provide: ApproverProjects, useClass: FacadeApproverProjects },
  { provide: TaskQueue, useClass: DispatchingTaskQueue },
  { provide: TaskOffers, useClass: InProcessTaskOffers },
  { provide: ExternalTaskLeases, useClass: PostgresExternalTaskLeases },
  { provide: TaskLogs, useClass: PostgresTaskLogs },
  { provide: WorkflowSchedules, useClass: PostgresWorkflowSchedules },
  { provide: WorkflowTriggers, useClass: PostgresWorkflowTriggers },
  { provide: WorkflowProjects, useClass: TypeOrmWorkflowProjects },
  { provide: RunProjects, useClass: TypeOrmRunProjects },
  { provide: ExternalTaskProjects, useClass: TypeOrmExternalTaskProjects },
];

/** What serves HTTP besides the controllers: YAML bodies, and the definition's schemas in the OpenAPI document. */
const HTTP_PROVIDERS: Provider[] = [YamlBodyParser, WorkflowDefinitionContribution];

const EXECUTORS = [NoopExecutor, SleepExecutor, HttpExecutor];

/** What a worker process runs: the executors and the task processors, the periodic jobs, the consumers. */
function workerProviders(): Provider[] {
  // The processor's lock timing goes into its decorator, so it is read before Nest builds anything.
  const configuredProcessor = taskRunProcessorWith(readWorkflowEngineConfig(process.env));
  return [
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
  ];
}

/** The context's providers for the roles this process plays (HTTP, workers, or both). */
export function workflowEngineProviders(options: ContextModuleOptions): Provider[] {
  return [
    ...ADAPTERS,
    ...SERVICES,
    ...USE_CASES,
    ...(options.http ? HTTP_PROVIDERS : []),
    ...(options.workers ? workerProviders() : []),
  ];
}

/** The task queue's options: the platform's Redis, and the context's hash-tagged prefix. */
export const TASK_QUEUE_REGISTRATION = {
  name: TASK_QUEUE,
  useFactory: (redis: RedisConnections) => ({ connection: redis.bullmqOptions(), prefix: QUEUE_PREFIX }),
  inject: [RedisConnections],
};

/** The child-run queue's options, for its processor: as the task queue's. */
export const CHILD_RUN_QUEUE_REGISTRATION = { ...TASK_QUEUE_REGISTRATION, name: CHILD_RUN_QUEUE };
