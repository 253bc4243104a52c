import { ConflictError, DomainError, ValidationError, type FieldProblem } from '@libs/ddd';

/** A definition that breaks its shape or the DAG rules; `errors` lists every problem at once. */
export class WorkflowDefinitionInvalid extends ValidationError {
  constructor(problems: readonly FieldProblem[]) {
    super(`The workflow definition has ${problems.length} problem(s)`, problems, 'workflow-definition-invalid');
  }
}

/** Run params that break the definition's params schema. */
export class WorkflowParamsInvalid extends ValidationError {
  constructor(problems: readonly FieldProblem[]) {
    super(`The workflow params have ${problems.length} problem(s)`, problems, 'workflow-params-invalid');
  }
}

/** A run or task run asked to move to a state its state machine does not allow from where it is. */
export class IllegalTransition extends ConflictError {
  constructor(subject: string, from: string, action: string) {
    super(`${subject} is ${from}; it cannot ${action}`, 'illegal-transition');
  }
}

/**
 * Fencing: a worker reported on an attempt that is no longer the task run's current one (it stalled and
 * the task was handed to another worker, or it was retried); its report must not change the run.
 */
export class StaleAttempt extends ConflictError {
  constructor(taskRunKey: string, reported: number, current: number) {
    super(
      `task run ${taskRunKey} is at attempt ${current}; a report for attempt ${reported} is stale`,
      'stale-attempt',
    );
  }
}

/** A definition body that is not well-formed YAML or JSON, or goes past the reader's limits. */
export class DefinitionUnreadable extends ValidationError {
  constructor(reason: string) {
    super(`The workflow definition cannot be read: ${reason}`, undefined, 'workflow-definition-unreadable');
  }
}

/** A rerun from a task whose upstream did not all finish well in the run being rerun: nothing to reuse. */
export class RerunNotPossible extends ConflictError {
  constructor(runId: string, reason: string) {
    super(`run ${runId} cannot be rerun that way: ${reason}`, 'rerun-not-possible');
  }
}

/** Another start request with the same Idempotency-Key made its run first; that run is the answer. */
/**
 * An Idempotency-Key sent again with another request (other params or version): answering the first
 * run would hide that the second request was never carried out (IETF idempotency-key draft: 422).
 */
export class IdempotencyKeyReused extends DomainError {
  readonly type = 'idempotency-key-reused';
  readonly kind = 'unprocessable';
  constructor(
    readonly key: string,
    readonly runId: string,
  ) {
    super(`the Idempotency-Key ${key} started run ${runId} with other params or another version`);
  }
}

export class IdempotencyKeyTaken extends ConflictError {
  constructor(
    readonly workflowId: string,
    readonly key: string,
  ) {
    super(`a run of workflow ${workflowId} was already started with this idempotency key`, 'idempotency-key-taken');
  }
}

/**
 * Fencing for external workers: the lease a report names ran out or was handed to another worker,
 * so the report must not change the task run.
 */
export class LeaseLost extends ConflictError {
  constructor(taskRunId: string) {
    super(`the lease on external task ${taskRunId} expired or belongs to another worker`, 'lease-lost');
  }
}

/** A decision about a task run that is not an approval waiting for one (decided already, or another type). */
export class ApprovalNotPending extends ConflictError {
  constructor(taskRunKey: string) {
    super(`task run ${taskRunKey} is not an approval waiting for a decision`, 'approval-not-pending');
  }
}

/** A start refused by the workflow's `concurrency: { policy: skip }`: its limit of active runs is reached. */
export class ConcurrencyLimitReached extends ConflictError {
  constructor(workflowId: string, limit: number) {
    super(
      `workflow ${workflowId} already has ${limit} active run(s), its concurrency limit; the policy skips new runs`,
      'concurrency-limit-reached',
    );
  }
}

/** A backfill of a workflow whose latest version has no schedule: there are no slots to run. */
export class WorkflowNotScheduled extends ConflictError {
  constructor(workflowId: string) {
    super(`workflow ${workflowId} has no schedule to backfill`, 'workflow-not-scheduled');
  }
}

/** A backfill range that is empty, reversed, or holds more slots than one request may start. */
export class BackfillRangeInvalid extends ValidationError {
  constructor(detail: string) {
    super(detail, [{ field: 'to', message: detail }], 'backfill-range-invalid');
  }
}
