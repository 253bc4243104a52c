/**
 * The model registry's events as the lineage graph reads them: the fields it uses, named and typed
 * as `ModelRegistryEvents` of `@contexts/model-registry` declares them. The registry's gate asks the
 * graph through `@contexts/data-pipeline`, so importing the registry's door here would close an
 * import cycle; the consumer's spec builds its events from the registry's own contract, so a change
 * there that this reading does not accept fails the typecheck (docs/adr/0402).
 */
export interface RegistryEventsAsRead {
  'model-registry.model-version.created.v1': VersionFields & {
    readonly framework: string;
    readonly source: { readonly runId: string; readonly taskId: string } | null;
    readonly trainingDatasetVersionIds: readonly string[];
  };
  'model-registry.model-version.approved.v1': VersionFields & ReviewFields;
  'model-registry.model-version.rejected.v1': VersionFields & ReviewFields;
  'model-registry.alias.moved.v1': {
    readonly projectId: string;
    readonly alias: string;
    readonly versionId: string;
    readonly previousVersionId: string | null;
    readonly aliasVersion: number;
  };
}

interface VersionFields {
  readonly projectId: string;
  readonly modelId: string;
  readonly versionId: string;
  readonly versionNumber: number;
}

interface ReviewFields {
  readonly decidedBy: string;
  readonly comment: string;
}
