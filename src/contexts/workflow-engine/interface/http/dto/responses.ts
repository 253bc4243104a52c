import type { DefinitionDocument } from '../../../domain/definition/definition-document.js';
import type { WorkflowDefinition } from '../../../domain/definition/workflow-definition.js';
import type { WorkflowVersion } from '../../../domain/definition/workflow-version.js';
import type { JsonValue } from '../../../domain/json-value.js';
import type { RunState } from '../../../domain/run/run-state.js';
import { isTerminal, type TaskRunState } from '../../../domain/run/task-run-state.js';
import type { TaskRun } from '../../../domain/run/task-run.js';
import type { WorkflowRun } from '../../../domain/run/workflow-run.js';

export interface WorkflowVersionResponse {
  readonly workflowId: string;
  readonly version: number;
  readonly name: string;
  readonly createdAt: string;
  readonly definition: DefinitionDocument;
}

export interface WorkflowResponse extends WorkflowVersionResponse {
  readonly id: string;
  readonly projectId: string;
  /** Whether schedules and triggers are paused, and since when. */
  readonly paused: boolean;
  readonly pausedAt: string | null;
}

export interface TaskRunResponse {
  readonly key: string;
  readonly taskId: string;
  readonly itemIndex?: number;
  readonly state: TaskRunState;
  readonly attempt: number;
  readonly input?: JsonValue;
  readonly outputs?: JsonValue;
  readonly error?: string;
  readonly reusedFrom?: string;
  readonly retryAt?: string;
  readonly startedAt?: string;
  readonly finishedAt?: string;
}

export interface RunResponse {
  readonly id: string;
  readonly workflowId: string;
  readonly workflowVersion: number;
  readonly projectId: string;
  readonly state: RunState;
  readonly params: JsonValue;
  /** What started the run: null by hand, else `{ kind: 'schedule' | 'event', ..., payload }`. */
  readonly trigger: JsonValue;
  readonly rerunOf?: string;
  /** The user the run acts for: who started it, or the author of its version. */
  readonly actorId?: string;
  readonly createdAt: string;
  readonly transitions: {
    readonly from: RunState;
    readonly to: RunState;
    readonly at: string;
    readonly reason?: string;
  }[];
  readonly taskRuns: TaskRunResponse[];
}

export function toVersionResponse(version: WorkflowVersion): WorkflowVersionResponse {
  return {
    workflowId: version.workflowId,
    version: version.number,
    name: version.spec.name,
    createdAt: version.createdAt.toISOString(),
    definition: version.spec.document,
  };
}

export function toWorkflowResponse(definition: WorkflowDefinition): WorkflowResponse {
  return {
    id: definition.id,
    projectId: definition.projectId,
    ...toVersionResponse(definition.latest),
    paused: definition.pausedAt !== undefined,
    pausedAt: definition.pausedAt?.toISOString() ?? null,
  };
}

export function toRunResponse(run: WorkflowRun): RunResponse {
  const snapshot = run.toSnapshot();
  return {
    id: run.id,
    workflowId: run.pinned.workflowId,
    workflowVersion: run.pinned.version,
    projectId: run.pinned.projectId,
    state: run.state,
    params: run.params,
    trigger: run.trigger,
    ...(snapshot.rerunOf !== undefined && { rerunOf: snapshot.rerunOf }),
    ...(snapshot.actorId !== undefined && { actorId: snapshot.actorId }),
    createdAt: snapshot.createdAt.toISOString(),
    transitions: run.transitions.map((transition) => ({ ...transition, at: transition.at.toISOString() })),
    taskRuns: run.allTaskRuns().map(toTaskRunResponse),
  };
}

function toTaskRunResponse(taskRun: TaskRun): TaskRunResponse {
  const { key, taskId, itemIndex, state, attempt, input, outputs, error, reusedFrom, retryAt, transitions } =
    taskRun.toSnapshot();
  const started = transitions.findLast((transition) => transition.to === 'running')?.at;
  const finished = isTerminal(state) ? transitions.at(-1)?.at : undefined;
  return {
    key,
    taskId,
    ...(itemIndex !== undefined && { itemIndex }),
    state,
    attempt,
    ...(input !== undefined && { input }),
    ...(outputs !== undefined && { outputs }),
    ...(error !== undefined && { error }),
    ...(reusedFrom !== undefined && { reusedFrom }),
    ...(retryAt !== undefined && { retryAt: retryAt.toISOString() }),
    ...(started !== undefined && { startedAt: started.toISOString() }),
    ...(finished !== undefined && { finishedAt: finished.toISOString() }),
  };
}
