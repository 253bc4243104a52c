/** For the access guard: the project of `/pipelines/{id}/...`; undefined (404) for unknown ids. */
export abstract class ProjectOfPipeline {
  abstract projectOf(pipelineId: string): Promise<string | undefined>;
}

/** For the access guard: the project of `/pipeline-runs/{id}/...`; undefined (404) for unknown ids. */
export abstract class ProjectOfPipelineRun {
  abstract projectOf(runId: string): Promise<string | undefined>;
}
