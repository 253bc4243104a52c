import { NotFoundError } from '@libs/ddd';
import { Injectable } from '@nestjs/common';
import { JsonSchemaValidator } from '../../domain/definition/json-schema.validator.js';
import { plannedCacheKey } from '../../domain/definition/planned-cache-key.js';
import { resolveRunParams } from '../../domain/definition/run-params.js';
import { WorkflowDefinitionRepository } from '../../domain/definition/workflow-definition.repository.js';
import type { WorkflowVersion } from '../../domain/definition/workflow-version.js';
import type { JsonValue } from '../../domain/json-value.js';
import { TaskCache } from '../ports/task-cache.js';
import type { PlanWorkflowQuery, WorkflowPlan } from './plan-workflow.query.js';

/** Validates params and plans a run without starting one: layers, and which tasks a cache hit would skip. */
@Injectable()
export class PlanWorkflowHandler {
  constructor(
    private readonly definitions: WorkflowDefinitionRepository,
    private readonly schemas: JsonSchemaValidator,
    private readonly cache: TaskCache,
  ) {}

  async execute(query: PlanWorkflowQuery): Promise<WorkflowPlan> {
    const definition = await this.definitions.findById(query.workflowId);
    if (definition === undefined) throw new NotFoundError('workflow', query.workflowId);
    const version = await this.versionOf(query, definition.latest);
    const params = resolveRunParams(version.spec, query.params, this.schemas);
    const layers = version.spec.layers();
    // Layer by layer, so a hit's outputs make the keys of the tasks after it computable.
    const known = new Map<string, JsonValue>();
    const cacheHits: string[] = [];
    for (const layer of layers) {
      for (const taskId of layer) {
        const key = plannedCacheKey(version.spec.task(taskId), params, known);
        const outputs = key === undefined ? undefined : await this.cache.lookup(definition.projectId, key);
        if (outputs === undefined) continue;
        known.set(taskId, outputs);
        cacheHits.push(taskId);
      }
    }
    return { workflowId: definition.id, version: version.number, params, layers, cacheHits };
  }

  private async versionOf(query: PlanWorkflowQuery, latest: WorkflowVersion): Promise<WorkflowVersion> {
    if (query.version === undefined || query.version === latest.number) return latest;
    const version = await this.definitions.findVersion(query.workflowId, query.version);
    if (version === undefined) throw new NotFoundError('workflow version', `${query.workflowId}@${query.version}`);
    return version;
  }
}
