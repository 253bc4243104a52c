import type { ObjectStore } from '@libs/storage/ports';

/** The request body as it streams in; never buffered whole. */
export type ArtifactBody = Parameters<ObjectStore['put']>[1];

export interface UploadArtifactCommand {
  readonly versionId: string;
  readonly body: ArtifactBody;
  /** Content-Length when the client sent one: refused at once when over the limit. */
  readonly declaredBytes?: number;
  readonly contentType: string;
  readonly actorId: string;
}
