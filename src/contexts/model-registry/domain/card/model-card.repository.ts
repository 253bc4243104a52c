import type { ModelCard } from './model-card.js';

export abstract class ModelCardRepository {
  abstract find(versionId: string): Promise<ModelCard | undefined>;
  /** Optimistic: throws ConcurrencyError when the card changed since it was loaded. */
  abstract save(card: ModelCard): Promise<void>;
}
