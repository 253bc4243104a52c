/** What `name@alias` resolves to, as the prediction context needs it to serve the version. */
export interface ResolvedModelVersion {
  readonly modelId: string;
  readonly modelName: string;
  readonly alias: string;
  readonly versionId: string;
  readonly versionNumber: number;
  readonly status: string;
  readonly framework: string;
  readonly artifact: { readonly sizeBytes: number; readonly sha256: string } | null;
  readonly sagemaker: { readonly endpointName: string; readonly variantName: string; readonly region?: string } | null;
}

/** What other contexts may ask the model registry synchronously. */
export abstract class ModelRegistryFacade {
  /** The version `alias` of model `modelName` names in the project now; undefined when there is none. */
  abstract resolveAlias(projectId: string, modelName: string, alias: string): Promise<ResolvedModelVersion | undefined>;
}
