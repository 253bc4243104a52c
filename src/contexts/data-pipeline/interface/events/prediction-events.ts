/**
 * The prediction context's batch-prediction events as the lineage graph reads them: the fields it
 * uses, named and typed as `PredictionEvents` of `@contexts/prediction` declares them. Prediction
 * reads dataset files through `@contexts/data-pipeline`, so importing its door here would close an
 * import cycle; the consumer's spec builds its events from prediction's own contract, so a change
 * there that this reading does not accept fails the typecheck (as for the registry, docs/adr/0402).
 */
export interface PredictionEventsAsRead {
  'prediction.batch-prediction.started.v1': BatchPredictionFields;
  'prediction.batch-prediction.succeeded.v1': BatchPredictionFields & { readonly outputVersionId: string };
  'prediction.batch-prediction.failed.v1': BatchPredictionFields;
}

interface BatchPredictionFields {
  readonly batchPredictionId: string;
  readonly projectId: string;
  /** Null when a bare model version predicted. */
  readonly deploymentId: string | null;
  readonly modelVersionId: string;
  readonly inputVersionId: string;
}
