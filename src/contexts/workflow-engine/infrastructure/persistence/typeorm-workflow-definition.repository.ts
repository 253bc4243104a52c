import { ConcurrencyError, ConflictError } from '@libs/ddd';
import { Injectable } from '@nestjs/common';
import { WorkflowDefinitionRepository } from '../../domain/definition/workflow-definition.repository.js';
import { WorkflowDefinition, type DefinitionEvent } from '../../domain/definition/workflow-definition.js';
import type { WorkflowVersion } from '../../domain/definition/workflow-version.js';
import { isUniqueViolation } from './postgres-errors.js';
import { TypeOrmRunTransaction } from './typeorm-run-transaction.js';
import { VersionSpecs } from './version-specs.js';
import { WorkflowOrmEntity, WorkflowVersionOrmEntity } from './workflow.orm-entity.js';

@Injectable()
export class TypeOrmWorkflowDefinitionRepository extends WorkflowDefinitionRepository {
  constructor(
    private readonly transaction: TypeOrmRunTransaction,
    private readonly specs: VersionSpecs,
  ) {
    super();
  }

  async findById(id: string): Promise<WorkflowDefinition | undefined> {
    const row = await this.transaction.manager().findOneBy(WorkflowOrmEntity, { id });
    if (row === null) return undefined;
    const latest = await this.findVersion(id, row.latestVersion);
    const pausedAt = row.pausedAt ?? undefined;
    return latest && WorkflowDefinition.restore(row.id, row.projectId, latest, row.createdAt, row.version, pausedAt);
  }

  async findVersion(workflowId: string, number: number): Promise<WorkflowVersion | undefined> {
    const row = await this.transaction.manager().findOneBy(WorkflowVersionOrmEntity, { workflowId, number });
    if (row === null) return undefined;
    const spec = await this.specs.of(workflowId, number, () => Promise.resolve(row.document));
    return {
      workflowId,
      number,
      spec,
      createdAt: row.createdAt,
      ...(row.createdBy !== null && { createdBy: row.createdBy }),
    };
  }

  existsWithName(projectId: string, name: string): Promise<boolean> {
    return this.transaction.manager().existsBy(WorkflowOrmEntity, { projectId, name });
  }

  async save(definition: WorkflowDefinition): Promise<void> {
    // No integration event stands for these yet (contracts/events.ts): the record only says what to write.
    const events = definition.pullEvents() as DefinitionEvent[];
    const versionAdded = events.some((event) => event.name === 'workflow-version-added');
    const latest = definition.latest;
    const row = {
      id: definition.id,
      projectId: definition.projectId,
      name: latest.spec.name,
      latestVersion: latest.number,
      createdAt: definition.createdAt,
      updatedAt: latest.createdAt,
      pausedAt: definition.pausedAt ?? null,
    };
    try {
      await this.transaction.run(async () => {
        const manager = this.transaction.manager();
        if (definition.version === 0) await manager.insert(WorkflowOrmEntity, { ...row, version: 1 });
        else {
          const updated = await manager.update(
            WorkflowOrmEntity,
            { id: definition.id, version: definition.version },
            { ...row, version: definition.version + 1 },
          );
          if (updated.affected !== 1) throw new ConcurrencyError('workflow', definition.id);
        }
        if (!versionAdded) return;
        await manager.query(
          `INSERT INTO workflow_engine.workflow_versions (workflow_id, number, document, created_at, created_by)
           VALUES ($1, $2, $3, $4, $5)`,
          [
            definition.id,
            latest.number,
            JSON.stringify(latest.spec.document),
            latest.createdAt,
            latest.createdBy ?? null,
          ],
        );
      });
    } catch (error) {
      if (isUniqueViolation(error, 'workflows_project_name_key')) {
        throw new ConflictError(
          `a workflow named '${latest.spec.name}' already exists in this project`,
          'workflow-name-taken',
        );
      }
      throw error;
    }
    definition.markSaved(definition.version + 1);
  }
}
