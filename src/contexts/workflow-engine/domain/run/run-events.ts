import type { DomainEvent } from '@libs/ddd';
import type { JsonValue } from '../json-value.js';

/** Facts about a run; the outbox writer maps them onto WorkflowEngineEvents (contracts/events.ts). */
export type RunEvent =
  | (DomainEvent & { readonly name: 'run-started'; readonly runId: string; readonly params: JsonValue })
  | (DomainEvent & { readonly name: 'run-succeeded'; readonly runId: string })
  | (DomainEvent & { readonly name: 'run-failed'; readonly runId: string; readonly failedTasks: readonly string[] })
  | (DomainEvent & { readonly name: 'run-cancelled'; readonly runId: string; readonly reason: string })
  | (DomainEvent & {
      readonly name: 'task-succeeded';
      readonly runId: string;
      readonly key: string;
      readonly attempt: number;
      readonly outputs: JsonValue;
    })
  | (DomainEvent & {
      readonly name: 'task-failed';
      readonly runId: string;
      readonly key: string;
      readonly attempt: number;
      readonly error: string;
    })
  | (DomainEvent & {
      readonly name: 'approval-requested';
      readonly runId: string;
      readonly key: string;
      readonly attempt: number;
      readonly input: JsonValue;
    });
