import type { ModelCardContent } from '../../domain/card/model-card.js';

export interface WriteModelCardCommand {
  readonly versionId: string;
  readonly content: Partial<ModelCardContent>;
  /** Finalize after writing: the card then never changes again. */
  readonly finalize: boolean;
  readonly expectedVersion?: number;
  readonly actorId: string;
}
