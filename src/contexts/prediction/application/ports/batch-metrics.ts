/** Port: what micro-batching merged, so its effect shows: requests per call run for a batch. */
export abstract class BatchMetrics {
  abstract ran(requests: number): void;
}
