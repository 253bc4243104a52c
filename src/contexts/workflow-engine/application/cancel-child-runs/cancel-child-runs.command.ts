/** A run was cancelled: the child runs its `workflow` tasks started are cancelled with it. */
export interface CancelChildRunsCommand {
  readonly parentRunId: string;
}
