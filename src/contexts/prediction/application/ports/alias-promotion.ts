export interface AliasPromotionRequest {
  readonly projectId: string;
  readonly modelName: string;
  readonly alias: string;
  readonly versionId: string;
  /** Who the move is recorded and audited as. */
  readonly actorId: string;
}

export type AliasPromotionOutcome =
  | { readonly outcome: 'moved' }
  | { readonly outcome: 'already-there' }
  | { readonly outcome: 'refused'; readonly reason: string };

/**
 * Moves a model-registry alias through the registry's own gate (protected aliases, promotion
 * policy, audit), as a person moving it would: what the registry refuses is answered, not thrown.
 */
export abstract class AliasPromotion {
  abstract promote(request: AliasPromotionRequest): Promise<AliasPromotionOutcome>;
  /** The version the alias names now; undefined when it names none. */
  abstract current(projectId: string, modelName: string, alias: string): Promise<string | undefined>;
}
