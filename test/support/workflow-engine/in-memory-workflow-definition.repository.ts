import { ConcurrencyError } from '@libs/ddd';
import { WorkflowDefinitionRepository } from '../../../src/contexts/workflow-engine/domain/definition/workflow-definition.repository.js';
import { WorkflowDefinition } from '../../../src/contexts/workflow-engine/domain/definition/workflow-definition.js';
import type { WorkflowVersion } from '../../../src/contexts/workflow-engine/domain/definition/workflow-version.js';

/** The repository port in memory, for handler tests: keeps every version and checks optimistic locking. */
export class InMemoryWorkflowDefinitionRepository extends WorkflowDefinitionRepository {
  private readonly rows = new Map<string, { projectId: string; createdAt: Date; version: number; pausedAt?: Date }>();
  private readonly versions = new Map<string, WorkflowVersion[]>();

  findById(id: string): Promise<WorkflowDefinition | undefined> {
    const row = this.rows.get(id);
    const latest = this.versions.get(id)?.at(-1);
    if (row === undefined || latest === undefined) return Promise.resolve(undefined);
    return Promise.resolve(
      WorkflowDefinition.restore(id, row.projectId, latest, row.createdAt, row.version, row.pausedAt),
    );
  }

  findVersion(workflowId: string, version: number): Promise<WorkflowVersion | undefined> {
    return Promise.resolve(this.versions.get(workflowId)?.find((candidate) => candidate.number === version));
  }

  existsWithName(projectId: string, name: string): Promise<boolean> {
    const taken = [...this.rows].some(
      ([id, row]) => row.projectId === projectId && this.versions.get(id)?.at(-1)?.spec.name === name,
    );
    return Promise.resolve(taken);
  }

  /** Every stored workflow, oldest first. */
  all(): WorkflowDefinition[] {
    return [...this.rows].map(([id, row]) =>
      WorkflowDefinition.restore(
        id,
        row.projectId,
        this.versions.get(id)!.at(-1)!,
        row.createdAt,
        row.version,
        row.pausedAt,
      ),
    );
  }

  save(definition: WorkflowDefinition): Promise<void> {
    const stored = this.rows.get(definition.id);
    if ((stored?.version ?? 0) !== definition.version) throw new ConcurrencyError('workflow', definition.id);
    const history = this.versions.get(definition.id) ?? [];
    if (history.at(-1)?.number !== definition.latest.number) history.push(definition.latest);
    this.versions.set(definition.id, history);
    this.rows.set(definition.id, {
      projectId: definition.projectId,
      createdAt: definition.createdAt,
      version: definition.version + 1,
      ...(definition.pausedAt !== undefined && { pausedAt: definition.pausedAt }),
    });
    definition.markSaved();
    return Promise.resolve();
  }
}
