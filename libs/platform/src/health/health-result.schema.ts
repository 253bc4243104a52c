import type { SchemaObject } from '@nestjs/swagger';

const CHECKS = {
  type: 'object',
  additionalProperties: { type: 'object', additionalProperties: true },
  description: 'Per check (postgres, redis, outbox, ...): its status and details',
} satisfies SchemaObject;

/** What a passing probe answers (terminus' result); a failing one answers 503 problem+json. */
export const HEALTH_RESULT_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['status'],
  properties: {
    status: { type: 'string', enum: ['ok'] },
    info: CHECKS,
    error: CHECKS,
    details: CHECKS,
  },
};
