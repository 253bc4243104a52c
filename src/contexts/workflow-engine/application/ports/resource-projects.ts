// The projects of this context's resources addressed by their own ids, for the access guard of
// user-management (each is a ProjectOfResource there). Unknown or malformed ids answer undefined,
// which the guard turns into 404.

export abstract class WorkflowProjects {
  abstract projectOf(workflowId: string): Promise<string | undefined>;
}

export abstract class RunProjects {
  abstract projectOf(runId: string): Promise<string | undefined>;
}

/** Addressed by the external task's lease row id (`/api/v1/external-tasks/{taskRunId}`). */
export abstract class ExternalTaskProjects {
  abstract projectOf(taskRunId: string): Promise<string | undefined>;
}
