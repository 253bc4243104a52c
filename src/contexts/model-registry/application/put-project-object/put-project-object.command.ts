import type { ObjectStore } from '@libs/storage/ports';

export interface PutProjectObjectCommand {
  readonly projectId: string;
  /** The caller's key, under the project: `runs/42/model.onnx`. */
  readonly key: string;
  /** The request body as it streams in; never buffered whole. */
  readonly body: Parameters<ObjectStore['put']>[1];
  /** Content-Length when the client sent one: refused at once when over the limit. */
  readonly declaredBytes?: number;
  readonly contentType: string;
  readonly actorId: string;
}

/** What was stored, and the URI a `model.register-version` task takes as its `artifactUri`. */
export interface StoredProjectObject {
  readonly key: string;
  readonly uri: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly contentType: string;
}
