import { RunOrmEntity, TaskRunOrmEntity, TransitionOrmEntity } from './run.orm-entity.js';
import { WorkflowOrmEntity, WorkflowVersionOrmEntity } from './workflow.orm-entity.js';

/** Every table of the `workflow_engine` schema that TypeORM maps (the task cache is reached by SQL). */
export const WORKFLOW_ENGINE_ENTITIES = [
  WorkflowOrmEntity,
  WorkflowVersionOrmEntity,
  RunOrmEntity,
  TaskRunOrmEntity,
  TransitionOrmEntity,
];
