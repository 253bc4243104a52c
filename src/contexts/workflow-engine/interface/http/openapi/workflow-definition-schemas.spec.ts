import { describe, expect, it } from '@jest/globals';
import type { SchemaObject } from '@nestjs/swagger';
import { BUILT_IN_TASK_TYPES } from '../../../contracts/built-in-task-types.js';
import { workflowDefinitionSchemas } from './workflow-definition-schemas.js';

const contributed = {
  name: 'model.set-alias',
  description: 'Points an alias at a version.',
  paramsSchema: {
    type: 'object',
    required: ['model', 'alias'],
    properties: { model: { type: 'string' }, alias: { type: 'string', pattern: '^[a-z]+$' } },
  },
  context: 'model-registry',
  queue: 'model-registry.tasks',
};

describe('workflowDefinitionSchemas', () => {
  const schemas = workflowDefinitionSchemas([...BUILT_IN_TASK_TYPES, contributed]);

  it('makes a task a oneOf of the registered types, discriminated by type', () => {
    const task = schemas.Task;
    expect(task.oneOf).toHaveLength(BUILT_IN_TASK_TYPES.length + 1);
    expect(task.discriminator?.mapping).toMatchObject({
      external: '#/components/schemas/ExternalTask',
      'model.set-alias': '#/components/schemas/ModelSetAliasTask',
    });
    expect(schemas.WorkflowDefinition.properties?.tasks).toMatchObject({
      items: { $ref: '#/components/schemas/Task' },
    });
  });

  it("types each task's params by its type and requires them when the type requires some", () => {
    const setAlias = schemas.ModelSetAliasTask;
    expect(setAlias.properties?.type).toEqual({ type: 'string', enum: ['model.set-alias'] });
    expect(setAlias.required).toEqual(['id', 'type', 'params']);
    expect(schemas.NoopTask.required).toEqual(['id', 'type']);
    const params = schemas.ExternalTask.properties?.params as SchemaObject;
    expect(params.required).toEqual(['queue']);
  });

  it('lets any value inside params be a placeholder, as the engine checks params only where none stands', () => {
    const params = schemas.ModelSetAliasTask.properties?.params as SchemaObject;
    expect(params.properties?.alias).toEqual({
      anyOf: [{ type: 'string', pattern: '^[a-z]+$' }, { $ref: '#/components/schemas/Expression' }],
    });
    expect(schemas.Expression.pattern).toBe('\\$\\{\\{');
  });
});
