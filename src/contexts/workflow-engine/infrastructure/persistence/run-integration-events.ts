import type { PendingEvent } from '@libs/messaging';
import type { WorkflowEngineEvents } from '../../contracts/events.js';
import { isJsonObject } from '../../domain/json-value.js';
import type { RunEvent } from '../../domain/run/run-events.js';
import { startOf } from '../../domain/run/run-state.js';
import { triggerDepthOfRun } from '../../domain/run/run-trigger.js';
import type { WorkflowRun } from '../../domain/run/workflow-run.js';

type Pending = PendingEvent<WorkflowEngineEvents>;

/** The integration events a saved change of `run` publishes, one per domain event it recorded. */
export function integrationEventsOf(run: WorkflowRun, events: readonly RunEvent[]): Pending[] {
  const { workflowId, version: workflowVersion, projectId } = run.pinned;
  const subject = { aggregateId: run.id, aggregateVersion: run.version + 1 };
  const base = { runId: run.id, workflowId, workflowVersion, projectId, triggerDepth: triggerDepthOfRun(run.trigger) };
  const startedAt = startOf(run.transitions);
  const life = { ...base, ...(startedAt && { startedAt: startedAt.toISOString() }) };
  const taskBase = (key: string, attempt: number) => {
    const taskId = run.taskRun(key).taskId;
    return { ...base, taskRunKey: key, taskId, taskType: run.pinned.spec.task(taskId).type, attempt };
  };
  const event = (pending: Pending): Pending => pending;
  return events.map((domainEvent) => {
    switch (domainEvent.name) {
      case 'run-started':
        return event({
          type: 'workflow-engine.workflow-run.started.v1',
          payload: { ...life, params: isJsonObject(domainEvent.params) ? domainEvent.params : {} },
          subject,
        });
      case 'run-succeeded':
        return event({ type: 'workflow-engine.workflow-run.succeeded.v1', payload: life, subject });
      case 'run-failed':
        return event({
          type: 'workflow-engine.workflow-run.failed.v1',
          payload: { ...life, failedTasks: domainEvent.failedTasks },
          subject,
        });
      case 'run-cancelled':
        return event({
          type: 'workflow-engine.workflow-run.cancelled.v1',
          payload: { ...life, reason: domainEvent.reason },
          subject,
        });
      case 'task-succeeded':
        return event({
          type: 'workflow-engine.task-run.succeeded.v1',
          payload: { ...taskBase(domainEvent.key, domainEvent.attempt), outputs: domainEvent.outputs },
          subject,
        });
      case 'task-failed':
        return event({
          type: 'workflow-engine.task-run.failed.v1',
          payload: { ...taskBase(domainEvent.key, domainEvent.attempt), error: domainEvent.error },
          subject,
        });
      case 'approval-requested': {
        const input = isJsonObject(domainEvent.input) ? domainEvent.input : {};
        const approvers = Array.isArray(input.approvers) ? input.approvers.map(String) : [];
        const message = typeof input.message === 'string' ? input.message : undefined;
        return event({
          type: 'workflow-engine.approval.requested.v1',
          payload: {
            ...taskBase(domainEvent.key, domainEvent.attempt),
            state: 'waiting_for_approval',
            approvers,
            ...(message && { message }),
          },
          subject,
        });
      }
    }
  });
}
