import type { ServedVariant } from './prediction-metrics.js';

/** Port: counts the response cache's lookups per deployment and variant (bounded by the adapter). */
export abstract class CacheMetrics {
  abstract lookedUp(by: ServedVariant, result: 'hit' | 'miss'): void;
}
