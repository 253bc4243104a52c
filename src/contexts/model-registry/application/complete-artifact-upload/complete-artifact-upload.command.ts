/** The client has PUT the artifact to its presigned upload URL: record it on the version. */
export interface CompleteArtifactUploadCommand {
  readonly versionId: string;
  /** The `uploadId` the upload URL came with. */
  readonly uploadId: string;
  readonly actorId: string;
}
