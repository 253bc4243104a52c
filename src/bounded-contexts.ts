import type { BoundedContext } from '@libs/platform';
import { ApiGatewayModule } from '@contexts/api-gateway';
import { DataPipelineModule } from '@contexts/data-pipeline';
import { ModelRegistryModule } from '@contexts/model-registry';
import { MonitoringModule } from '@contexts/monitoring';
import { PredictionModule } from '@contexts/prediction';
import { UserManagementModule } from '@contexts/user-management';
import { WorkflowEngineModule } from '@contexts/workflow-engine';
import { apiGatewayMigrations } from '../migrations/api-gateway/index.js';
import { dataPipelineMigrations } from '../migrations/data-pipeline/index.js';
import { modelRegistryMigrations } from '../migrations/model-registry/index.js';
import { monitoringMigrations } from '../migrations/monitoring/index.js';
import { predictionMigrations } from '../migrations/prediction/index.js';
import { userManagementMigrations } from '../migrations/user-management/index.js';
import { workflowEngineMigrations } from '../migrations/workflow-engine/index.js';

/** Every context the platform can host, in start-up order (ARCHITECTURE section 1). */
export const BOUNDED_CONTEXTS: readonly BoundedContext[] = [
  {
    name: 'user-management',
    description: 'Users, credentials, sessions, roles, projects and memberships, API keys, audit log',
    schema: 'user_management',
    module: UserManagementModule.register,
    migrations: userManagementMigrations,
  },
  {
    name: 'api-gateway',
    description: 'Routing to local or remote contexts, rate limits, circuit breakers, service registry',
    schema: 'api_gateway',
    module: ApiGatewayModule.register,
    migrations: apiGatewayMigrations,
  },
  {
    name: 'workflow-engine',
    description: 'Workflow definitions (versioned DAGs), runs, task runs, schedules, task queues, external workers',
    schema: 'workflow_engine',
    module: WorkflowEngineModule.register,
    facades: WorkflowEngineModule.facades,
    migrations: workflowEngineMigrations,
  },
  {
    name: 'model-registry',
    description: 'Registered models, versions, artifacts, aliases, approvals, model cards, model lineage',
    schema: 'model_registry',
    module: ModelRegistryModule.register,
    httpFacades: ModelRegistryModule.facades,
    migrations: modelRegistryMigrations,
  },
  {
    name: 'data-pipeline',
    description: 'Datasets and versions, pipelines, pipeline runs, quality checks, the lineage graph',
    schema: 'data_pipeline',
    module: DataPipelineModule.register,
    httpFacades: DataPipelineModule.facades,
    migrations: dataPipelineMigrations,
  },
  {
    name: 'prediction',
    description: 'Deployments, variants and traffic splits, model runtimes, online and batch predictions',
    schema: 'prediction',
    module: PredictionModule.register,
    httpFacades: PredictionModule.facades,
    migrations: predictionMigrations,
  },
  {
    name: 'monitoring',
    description: 'Metrics, traces, log search, alert rules, alert history, notification channels, dashboards',
    schema: 'monitoring',
    module: MonitoringModule.register,
    sealsSecrets: true,
    migrations: monitoringMigrations,
  },
];

export const CONTEXT_NAMES = BOUNDED_CONTEXTS.map((context) => context.name);

/** The contexts whose stored secrets are sealed: a production process hosting one needs SECRETS_ENCRYPTION_KEYS. */
export const CONTEXTS_SEALING_SECRETS = BOUNDED_CONTEXTS.filter((context) => context.sealsSecrets).map(
  (context) => context.name,
);
