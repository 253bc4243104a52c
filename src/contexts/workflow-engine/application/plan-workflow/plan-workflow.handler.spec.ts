import { describe, expect, it } from '@jest/globals';
import { DefinitionSpec } from '../../domain/definition/definition-spec.js';
import { WorkflowDefinition } from '../../domain/definition/workflow-definition.js';
import { WorkflowParamsInvalid } from '../../domain/errors.js';
import type { JsonValue } from '../../domain/json-value.js';
import { AjvJsonSchemaValidator } from '../../infrastructure/adapters/ajv-json-schema.validator.js';
import { TaskCache } from '../ports/task-cache.js';
import { InMemoryWorkflowDefinitionRepository } from '../../../../../test/support/workflow-engine/in-memory-workflow-definition.repository.js';
import { PlanWorkflowHandler } from './plan-workflow.handler.js';

/** Answers a hit for every key it was primed with; remembers what it was asked. */
class PrimedCache extends TaskCache {
  readonly asked: string[] = [];
  constructor(private readonly entries: Map<string, JsonValue>) {
    super();
  }
  lookup(_projectId: string, key: string): Promise<JsonValue | undefined> {
    this.asked.push(key);
    return Promise.resolve(this.entries.get(key));
  }
  store(): Promise<void> {
    return Promise.resolve();
  }
}

const { spec } = DefinitionSpec.build({
  name: 'train',
  params: { type: 'object', properties: { epochs: { type: 'integer', default: 5 } } },
  tasks: [
    { id: 'prep', type: 'noop', params: { epochs: '${{ params.epochs }}' }, cache: { ttlSeconds: 60 } },
    {
      id: 'train',
      type: 'noop',
      dependsOn: ['prep'],
      cache: { key: 'model-${{ tasks.prep.outputs.rows }}', ttlSeconds: 60 },
    },
    { id: 'report', type: 'noop', dependsOn: ['train'] },
  ],
});

async function arrange(cached: [string, JsonValue][]) {
  const definitions = new InMemoryWorkflowDefinitionRepository();
  const definition = WorkflowDefinition.create('project-1', spec, new Date());
  await definitions.save(definition);
  const cache = new PrimedCache(new Map(cached));
  return {
    cache,
    workflowId: definition.id,
    handler: new PlanWorkflowHandler(definitions, new AjvJsonSchemaValidator(), cache),
  };
}

describe('PlanWorkflowHandler', () => {
  it('answers the layers and follows cache hits down the DAG', async () => {
    const { handler, workflowId } = await arrange([
      ['noop:{"input":{"epochs":5},"upstream":{}}', { rows: 10 }],
      ['noop:key:model-10', { uri: 's3://m' }],
    ]);
    expect(await handler.execute({ workflowId, params: {} })).toEqual({
      workflowId,
      version: 1,
      params: { epochs: 5 },
      layers: [['prep'], ['train'], ['report']],
      cacheHits: ['prep', 'train'],
    });
  });

  it('does not look up a task whose upstream outputs are unknown before running', async () => {
    const { handler, workflowId, cache } = await arrange([]);
    expect((await handler.execute({ workflowId, params: { epochs: 2 } })).cacheHits).toEqual([]);
    expect(cache.asked).toEqual(['noop:{"input":{"epochs":2},"upstream":{}}']);
  });

  it('refuses params that break the schema, naming the field', async () => {
    const { handler, workflowId } = await arrange([]);
    await expect(handler.execute({ workflowId, params: { epochs: 'many' } })).rejects.toMatchObject({
      constructor: WorkflowParamsInvalid,
      errors: [{ field: 'params.epochs', message: 'must be integer' }],
    });
  });
});
