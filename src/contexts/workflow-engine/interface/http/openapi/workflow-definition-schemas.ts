import type { SchemaObject } from '@nestjs/swagger';
import type { TaskTypeDefinition } from '../../../contracts/task-types.js';
import { DEFINITION_DOCUMENT_SCHEMA, TASK_DOCUMENT_SCHEMA } from '../../../domain/definition/definition-document.js';
import { EXPRESSION_SCHEMA, EXPRESSION_SCHEMA_NAME, expressionTolerant } from './expression-tolerant-schema.js';

export const WORKFLOW_DEFINITION_SCHEMA_REF = '#/components/schemas/WorkflowDefinition';
const TASK_SCHEMA_REF = '#/components/schemas/Task';

/**
 * The definition's schema with one task schema per registered task type, as a `oneOf`
 * discriminated by `type`, `params` typed by the type's own params schema (where any value may be
 * a placeholder): a client generated from the document knows every task type of this
 * installation, those other contexts contributed included.
 */
export function workflowDefinitionSchemas(taskTypes: readonly TaskTypeDefinition[]): Record<string, SchemaObject> {
  const variants = taskTypes.map((taskType) => ({ name: taskSchemaNameOf(taskType.name), taskType }));
  const refOf = (name: string) => `#/components/schemas/${name}`;
  const properties = DEFINITION_DOCUMENT_SCHEMA.properties as Record<string, SchemaObject>;
  return {
    WorkflowDefinition: {
      ...(DEFINITION_DOCUMENT_SCHEMA as SchemaObject),
      properties: { ...properties, tasks: { ...properties.tasks, items: { $ref: TASK_SCHEMA_REF } } },
    },
    Task: {
      description: 'A task of a definition; `type` says which of the registered task types it is, and so its `params`',
      oneOf: variants.map(({ name }) => ({ $ref: refOf(name) })),
      discriminator: {
        propertyName: 'type',
        mapping: Object.fromEntries(variants.map(({ name, taskType }) => [taskType.name, refOf(name)])),
      },
    },
    ...Object.fromEntries(variants.map(({ name, taskType }) => [name, taskSchemaOf(taskType)])),
    [EXPRESSION_SCHEMA_NAME]: EXPRESSION_SCHEMA,
  };
}

function taskSchemaOf(taskType: TaskTypeDefinition): SchemaObject {
  const paramsRequired = ((taskType.paramsSchema.required as string[] | undefined) ?? []).length > 0;
  return {
    ...(TASK_DOCUMENT_SCHEMA as SchemaObject),
    description: `${taskType.description} Run by ${taskType.context}.`,
    required: [...TASK_DOCUMENT_SCHEMA.required, ...(paramsRequired ? ['params'] : [])],
    properties: {
      ...(TASK_DOCUMENT_SCHEMA.properties as Record<string, SchemaObject>),
      type: { type: 'string', enum: [taskType.name] },
      params: expressionTolerant(taskType.paramsSchema),
    },
  };
}

/** `model.register-version` -> `ModelRegisterVersionTask`. */
function taskSchemaNameOf(type: string): string {
  const words = type.split(/[^A-Za-z0-9]+/).filter((word) => word.length > 0);
  return `${words.map((word) => word[0].toUpperCase() + word.slice(1)).join('')}Task`;
}
