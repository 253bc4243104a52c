import { isJsonObject, type JsonObject, type JsonValue } from '../json-value.js';

/** The task of a parent run that a child run stands for: one attempt of one `workflow` task. */
export interface ParentTask {
  readonly runId: string;
  readonly key: string;
  readonly attempt: number;
}

/**
 * The trigger a child run records: which parent attempt waits for it. Expressions of the child read
 * `${{ trigger.payload.parentRunId }}`.
 */
export function parentTaskTrigger(parent: ParentTask, taskId: string, depth: number): JsonObject {
  const { runId, key, attempt } = parent;
  const payload = { parentRunId: runId, taskId };
  return { kind: 'parent-task', parentRunId: runId, taskKey: key, attempt, depth, payload };
}

/** How many parents a run has above it: 0 for a run that is no child. */
export function childDepthOf(trigger: JsonValue): number {
  return isJsonObject(trigger) && trigger.kind === 'parent-task' && typeof trigger.depth === 'number'
    ? trigger.depth
    : 0;
}

/** The parent attempt a run reports to when it ends, if it is a child run. */
export function parentTaskOf(trigger: JsonValue): ParentTask | undefined {
  if (!isJsonObject(trigger) || trigger.kind !== 'parent-task') return undefined;
  const { parentRunId, taskKey, attempt } = trigger;
  if (typeof parentRunId !== 'string' || typeof taskKey !== 'string' || typeof attempt !== 'number') return undefined;
  return { runId: parentRunId, key: taskKey, attempt };
}

/** One child run per parent attempt: starting it again (a redelivered job) finds the first. */
export function childRunKey({ runId, key, attempt }: ParentTask): string {
  return `parent-task:${runId}:${key}:${attempt}`;
}
