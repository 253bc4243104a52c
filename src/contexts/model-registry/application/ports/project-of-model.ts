/**
 * For the access guard (a ProjectOfResource of user-management): the project of
 * `/models/{modelId}/...`; undefined (404) for unknown ids.
 */
export abstract class ProjectOfModel {
  abstract projectOf(modelId: string): Promise<string | undefined>;
}

/** For the access guard: the project of `/model-versions/{id}/...`; undefined (404) for unknown ids. */
export abstract class ProjectOfModelVersion {
  abstract projectOf(versionId: string): Promise<string | undefined>;
}
