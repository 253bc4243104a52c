/** Which answers to summarise: a project's (or, for null, every project's), over a time window. */
export interface VariantHealthQuery {
  readonly projectId: string | null;
  readonly deploymentId?: string;
  readonly variant?: string;
  readonly since: Date;
  readonly until: Date;
}

/** How one variant of one deployment answered over the window: its primary answers, not its shadows. */
export interface VariantHealth {
  readonly projectId: string;
  readonly deploymentId: string;
  readonly variant: string;
  readonly requests: number;
  /** Answers the runtime failed; requests refused as invalid are the caller's mistake and not counted. */
  readonly errors: number;
  readonly p99Seconds: number;
}

/** A deployment as monitoring names it: enough to suggest service-level rules for it. */
export interface DeploymentOverview {
  readonly deploymentId: string;
  readonly projectId: string;
  readonly name: string;
  readonly variants: readonly string[];
}

/**
 * What other contexts may ask the prediction context about how its deployments serve (docs/adr/0604):
 * read from the prediction log it already keeps, so the serving path pays nothing more for it.
 */
export abstract class PredictionHealthFacade {
  abstract variantHealth(query: VariantHealthQuery): Promise<VariantHealth[]>;
  abstract deploymentsOf(projectId: string): Promise<DeploymentOverview[]>;
}
