/** For the access guard: the project of `/check-runs/{id}/...`; undefined (404) for unknown ids. */
export abstract class ProjectOfCheckRun {
  abstract projectOf(checkRunId: string): Promise<string | undefined>;
}
