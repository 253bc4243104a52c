/** One tensor of a version's signature, as the Open Inference Protocol describes it (-1: a variable dimension). */
export interface SignatureTensor {
  readonly name: string;
  readonly datatype: string;
  readonly shape: readonly number[];
}

/** A model version as other contexts need it to serve it. */
export interface RegistryModelVersion {
  readonly modelId: string;
  readonly modelName: string;
  readonly versionId: string;
  readonly versionNumber: number;
  readonly status: string;
  readonly framework: string;
  /** `key` is the artifact's object key in the platform's object store. */
  readonly artifact: { readonly key: string; readonly sizeBytes: number; readonly sha256: string } | null;
  /** Empty lists when the version declares no signature. */
  readonly signature: { readonly inputs: readonly SignatureTensor[]; readonly outputs: readonly SignatureTensor[] };
  readonly sagemaker: { readonly endpointName: string; readonly variantName: string; readonly region?: string } | null;
}

/** What `name@alias` resolves to, as the prediction context needs it to serve the version. */
export interface ResolvedModelVersion extends RegistryModelVersion {
  readonly alias: string;
}

/** A move of an alias another context asks for on someone's behalf (an experiment promoting its winner). */
export interface AliasMoveRequest {
  readonly projectId: string;
  readonly modelName: string;
  readonly alias: string;
  readonly versionId: string;
  /** Who the move is recorded and audited as: the registry's rules apply to them as to a person. */
  readonly actorId: string;
}

export type AliasMoveOutcome =
  { readonly outcome: 'moved' | 'already-there' } | { readonly outcome: 'refused'; readonly reason: string };

/** What other contexts may ask the model registry synchronously. */
export abstract class ModelRegistryFacade {
  /** The version `alias` of model `modelName` names in the project now; undefined when there is none. */
  abstract resolveAlias(projectId: string, modelName: string, alias: string): Promise<ResolvedModelVersion | undefined>;
  /** A version of the project by id; undefined when there is none (or it is another project's). */
  abstract findVersion(projectId: string, versionId: string): Promise<RegistryModelVersion | undefined>;
  /**
   * Moves the alias through the same gate as a person's move (protection, promotion policy, audit
   * event); what the gate refuses is answered as `refused` with the failed rules.
   */
  abstract moveAlias(request: AliasMoveRequest): Promise<AliasMoveOutcome>;
}
