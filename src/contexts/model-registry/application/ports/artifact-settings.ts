/** Port: the artifact limits this deployment is configured with. */
export abstract class ArtifactSettings {
  /** The largest artifact accepted, in bytes (MODEL_ARTIFACT_MAX_BYTES). */
  abstract readonly maxBytes: number;
  /**
   * How long a presigned URL (artifact or project object, download or upload) stays valid, and the
   * longest a caller may ask for (MODEL_ARTIFACT_URL_TTL_SECONDS).
   */
  abstract readonly urlTtlSeconds: number;
  /** The object key an artifact URI (`s3://<our bucket>/<key>` or `objects:///<key>`) names in our store; undefined if none. */
  abstract keyOfUri(uri: string): string | undefined;
}
