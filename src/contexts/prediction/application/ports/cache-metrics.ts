/** Port: counts the response cache's lookups per deployment (a bounded label: one per deployment). */
export abstract class CacheMetrics {
  abstract lookedUp(deploymentId: string, result: 'hit' | 'miss'): void;
}
