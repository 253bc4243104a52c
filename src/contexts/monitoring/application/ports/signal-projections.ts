/** Port: the compact tables alert signals are read from, filled from other contexts' events. */
export abstract class SignalProjections {
  abstract runStarted(run: { runId: string; projectId: string; workflowId: string; at: Date }): Promise<void>;
  abstract runFinished(run: {
    runId: string;
    projectId: string;
    workflowId: string;
    outcome: 'succeeded' | 'failed' | 'cancelled';
    at: Date;
  }): Promise<void>;
  /** A task run ended (succeeded or failed for good) after `attempt` attempts. */
  abstract taskFinished(task: {
    runId: string;
    projectId: string;
    workflowId: string;
    taskRunKey: string;
    taskId: string;
    attempt: number;
    at: Date;
  }): Promise<void>;
  abstract checksFailed(failure: {
    checkRunId: string;
    projectId: string;
    datasetId: string;
    versionId: string;
    checkResultIds: readonly string[];
    at: Date;
  }): Promise<void>;
  abstract modelRegistered(model: { modelId: string; projectId: string; at: Date }): Promise<void>;
  abstract versionApproved(model: { modelId: string; projectId: string; at: Date }): Promise<void>;
}
