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

/** What other contexts may ask the model registry synchronously. */
export abstract class ModelRegistryFacade {
  /** The version `alias` of model `modelName` names in the project now; undefined when there is none. */
  abstract resolveAlias(projectId: string, modelName: string, alias: string): Promise<ResolvedModelVersion | undefined>;
  /** A version of the project by id; undefined when there is none (or it is another project's). */
  abstract findVersion(projectId: string, versionId: string): Promise<RegistryModelVersion | undefined>;
}
