import type { TaskInvocation } from '../services/task-invocation.js';

/** The params of a `model.set-alias` task; the version by id or by number. */
export interface SetAliasTaskParams {
  readonly model: string;
  readonly alias: string;
  readonly versionId?: string;
  readonly versionNumber?: number;
}

export interface SetAliasFromTaskCommand {
  readonly invocation: TaskInvocation;
  readonly params: SetAliasTaskParams;
}

/** The task's outputs, for downstream tasks. */
export interface AliasOutputs {
  readonly alias: string;
  readonly versionId: string;
  readonly aliasVersion: number;
}
