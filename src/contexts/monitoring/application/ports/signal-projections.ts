export interface RunStartedSignal {
  runId: string;
  projectId: string;
  workflowId: string;
  at: Date;
}

export interface RunFinishedSignal extends RunStartedSignal {
  outcome: 'succeeded' | 'failed' | 'cancelled';
}

/** A task run ended (succeeded or failed for good) after `attempt` attempts. */
export interface TaskFinishedSignal extends RunStartedSignal {
  taskRunKey: string;
  taskId: string;
  attempt: number;
}

export interface ChecksFailedSignal {
  checkRunId: string;
  projectId: string;
  datasetId: string;
  versionId: string;
  checkResultIds: readonly string[];
  at: Date;
}

export interface ModelSignal {
  modelId: string;
  projectId: string;
  at: Date;
}

/** Port: the compact tables alert signals are read from, filled from other contexts' events. */
export abstract class SignalProjections {
  abstract runStarted(run: RunStartedSignal): Promise<void>;
  abstract runFinished(run: RunFinishedSignal): Promise<void>;
  abstract taskFinished(task: TaskFinishedSignal): Promise<void>;
  abstract checksFailed(failure: ChecksFailedSignal): Promise<void>;
  abstract modelRegistered(model: ModelSignal): Promise<void>;
  abstract versionApproved(model: ModelSignal): Promise<void>;
}
