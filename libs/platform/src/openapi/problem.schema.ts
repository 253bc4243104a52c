import type { SchemaObject } from '@nestjs/swagger';

/** RFC 9457 problem details as the platform sends them (libs/platform/src/http/problem.ts). */
export const PROBLEM_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['type', 'title', 'status'],
  properties: {
    type: {
      type: 'string',
      format: 'uri-reference',
      description: 'A stable identifier of the kind of problem, e.g. `/problems/validation-failed`; branch on it',
      example: '/problems/validation-failed',
    },
    title: { type: 'string', description: 'The HTTP status text', example: 'Bad Request' },
    status: { type: 'integer', minimum: 400, maximum: 599, example: 400 },
    detail: {
      type: 'string',
      description: 'What went wrong for this request',
      example: 'The request has invalid fields',
    },
    instance: { type: 'string', format: 'uri-reference', description: 'The request path', example: '/api/v1/projects' },
    errors: {
      type: 'array',
      description: 'For validation problems: every invalid field',
      items: { $ref: '#/components/schemas/FieldProblem' },
    },
  },
};

export const FIELD_PROBLEM_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['field', 'message'],
  properties: {
    field: { type: 'string', description: 'The path of the field, dotted for nested ones', example: 'name' },
    message: { type: 'string', example: 'name must be shorter than or equal to 100 characters' },
  },
};
