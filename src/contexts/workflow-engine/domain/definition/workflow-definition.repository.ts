import type { WorkflowDefinition } from './workflow-definition.js';
import type { WorkflowVersion } from './workflow-version.js';

/**
 * Port: workflow definitions and their versions. `save` inserts the latest version when it is new
 * (versions are never updated in place), keeps the workflow's pause, and checks the aggregate version for optimistic locking.
 * Specs are stored as their document and rebuilt with DefinitionSpec.build on load.
 */
export abstract class WorkflowDefinitionRepository {
  abstract findById(id: string): Promise<WorkflowDefinition | undefined>;
  abstract findVersion(workflowId: string, version: number): Promise<WorkflowVersion | undefined>;
  /** Names are unique per project. */
  abstract existsWithName(projectId: string, name: string): Promise<boolean>;
  abstract save(definition: WorkflowDefinition): Promise<void>;
}
