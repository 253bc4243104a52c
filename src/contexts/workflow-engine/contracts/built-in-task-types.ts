import type { TaskTypeDefinition } from './task-types.js';

const CONTEXT = 'workflow-engine';

const object = (properties: Record<string, unknown>, required: string[] = []) => ({
  type: 'object',
  additionalProperties: false,
  required,
  properties,
});

/** The task types every installation has; their executors live in the workflow-engine context. */
export const BUILT_IN_TASK_TYPES: readonly TaskTypeDefinition[] = [
  {
    name: 'noop',
    description: 'Does nothing and succeeds at once, with `outputs` as its outputs when given.',
    // Free maps say so (additionalProperties), so that the OpenAPI document types them as maps, not as `{}`.
    paramsSchema: object({ outputs: { type: 'object', additionalProperties: true } }),
    context: CONTEXT,
    queue: 'workflow-engine.tasks',
  },
  {
    name: 'sleep',
    description: 'Waits `ms` milliseconds, then succeeds.',
    paramsSchema: object({ ms: { type: 'integer', minimum: 0, maximum: 86_400_000 } }, ['ms']),
    context: CONTEXT,
    queue: 'workflow-engine.tasks',
  },
  {
    name: 'http',
    description: 'Sends one HTTP request (through the SSRF policy) and fails unless the status is the expected one.',
    paramsSchema: object(
      {
        method: { enum: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] },
        url: { type: 'string', format: 'uri', maxLength: 2048 },
        headers: { type: 'object', additionalProperties: { type: 'string' } },
        body: {},
        expectStatus: { type: 'integer', minimum: 100, maximum: 599 },
      },
      ['method', 'url'],
    ),
    outboundUrlParams: ['url'],
    context: CONTEXT,
    queue: 'workflow-engine.tasks',
  },
  {
    name: 'approval',
    description:
      'Waits until a person with workflow:approve (one of `approvers`, user ids, when given) approves or rejects; rejection, or no decision within `deadlineSeconds`, fails the task.',
    paramsSchema: object({
      message: { type: 'string', maxLength: 2000 },
      approvers: { type: 'array', items: { type: 'string' }, maxItems: 100 },
      deadlineSeconds: { type: 'integer', minimum: 1, maximum: 31_536_000 },
    }),
    context: CONTEXT,
    queue: 'workflow-engine.approvals',
  },
  {
    name: 'workflow',
    description: 'Starts a run of another workflow and succeeds with its outputs when it succeeds.',
    paramsSchema: object(
      {
        workflowId: { type: 'string', format: 'uuid' },
        version: { type: 'integer', minimum: 1 },
        params: { type: 'object', additionalProperties: true },
      },
      ['workflowId'],
    ),
    context: CONTEXT,
    queue: 'workflow-engine.child-runs',
  },
  {
    name: 'external',
    description:
      'Waits until an external worker polling `queue` claims it and reports its outcome; the other params go to the worker as they are.',
    paramsSchema: {
      type: 'object',
      required: ['queue'],
      properties: { queue: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{0,99}$' } },
      additionalProperties: true,
    },
    context: CONTEXT,
    queue: 'workflow-engine.external',
  },
];
