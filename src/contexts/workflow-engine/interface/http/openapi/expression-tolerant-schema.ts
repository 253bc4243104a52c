import type { ReferenceObject, SchemaObject } from '@nestjs/swagger';

export const EXPRESSION_SCHEMA_NAME = 'Expression';

/** A string holding a `${{ ... }}` placeholder: it stands for a value of any type until the task starts. */
export const EXPRESSION_SCHEMA: SchemaObject = {
  type: 'string',
  pattern: '\\$\\{\\{',
  description: 'A `${{ expression }}` placeholder (or a string with some), rendered when the task starts',
  example: '${{ tasks.train.outputs.modelUri }}',
};

const EXPRESSION_REF: ReferenceObject = { $ref: `#/components/schemas/${EXPRESSION_SCHEMA_NAME}` };

/**
 * A task type's params schema as a definition may satisfy it: any value inside may be a placeholder
 * instead, as the engine checks params against the schema only where no placeholder stands
 * (definition-validator.ts) and once more after rendering them.
 */
export function expressionTolerant(schema: SchemaObject): SchemaObject {
  return { ...schema, ...tolerantChildren(schema) };
}

function orExpression(schema: SchemaObject | ReferenceObject): SchemaObject | ReferenceObject {
  // An empty schema takes any value already, placeholders included.
  if (Object.keys(schema).length === 0) return schema;
  if ('$ref' in schema) return { anyOf: [schema, EXPRESSION_REF] };
  return { anyOf: [expressionTolerant(schema), EXPRESSION_REF] };
}

function tolerantChildren(schema: SchemaObject): SchemaObject {
  const children: SchemaObject = {};
  if (schema.properties !== undefined) {
    children.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([name, property]) => [name, orExpression(property)]),
    );
  }
  if (schema.items !== undefined) children.items = orExpression(schema.items);
  if (typeof schema.additionalProperties === 'object') {
    children.additionalProperties = orExpression(schema.additionalProperties);
  }
  return children;
}
