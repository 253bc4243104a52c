import { ForbiddenError, NotFoundError } from '@libs/ddd';
import { ApprovalNotPending } from '../errors.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../json-value.js';
import { isFinished } from './run-state.js';
import type { TaskDispatch } from './task-dispatch.js';
import type { WorkflowRun } from './workflow-run.js';

export interface ApprovalDecision {
  readonly approve: boolean;
  /** The deciding user's id. */
  readonly by: string;
  readonly comment?: string;
}

/**
 * A person's decision on an approval task: approval succeeds it with the decision as outputs,
 * rejection fails it (as any failed attempt, under the task's retry policy). When the task names
 * `approvers`, only they may decide.
 */
export function decideApproval(
  run: WorkflowRun,
  key: string,
  decision: ApprovalDecision,
  now: Date,
  random: number,
): TaskDispatch[] {
  const attempt = pendingAttempt(run, key);
  const approvers = approversOf(run.taskRun(key).input ?? null);
  if (approvers.length > 0 && !approvers.includes(decision.by)) {
    throw new ForbiddenError(`only the task's approvers may decide on ${key}`, 'not-an-approver');
  }
  run.startTask(key, attempt, now);
  if (decision.approve) {
    const outputs: JsonObject = { decision: 'approved', by: decision.by };
    if (decision.comment !== undefined) outputs.comment = decision.comment;
    return run.completeTask(key, attempt, outputs, now);
  }
  const reason = decision.comment === undefined ? '' : `: ${decision.comment}`;
  return run.failTask(key, attempt, `rejected by ${decision.by}${reason}`, now, random);
}

/**
 * Fails an approval still waiting at `attempt` once its deadline passed, as a failed attempt under the
 * task's retry policy; undefined when it moved on.
 */
export function expireApproval(
  run: WorkflowRun,
  key: string,
  attempt: number,
  now: Date,
  random: number,
): TaskDispatch[] | undefined {
  const taskRun = run.findTaskRun(key);
  if (taskRun?.attempt !== attempt || !isWaiting(run, key)) return undefined;
  run.startTask(key, attempt, now);
  return run.failTask(key, attempt, 'no decision before the deadline', now, random);
}

function pendingAttempt(run: WorkflowRun, key: string): number {
  const taskRun = run.findTaskRun(key);
  if (taskRun === undefined) throw new NotFoundError('task run', key);
  if (!isWaiting(run, key)) throw new ApprovalNotPending(key);
  return taskRun.attempt;
}

function isWaiting(run: WorkflowRun, key: string): boolean {
  const taskRun = run.taskRun(key);
  return taskRun.state === 'waiting_for_approval' && !isFinished(run.state);
}

function approversOf(input: JsonValue): string[] {
  const approvers = isJsonObject(input) ? input.approvers : undefined;
  return Array.isArray(approvers) ? approvers.filter((approver) => typeof approver === 'string') : [];
}
