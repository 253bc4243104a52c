/** What the charts need of a prediction record. */
export interface PredictionPoint {
  readonly variant: string;
  readonly outcome: string;
  readonly latencyMs: number;
  readonly createdAt: string;
}

export interface Bucket {
  /** Start of the bucket, ms since the epoch. */
  readonly start: number;
  readonly predictions: number;
  /** Null when the variant answered nothing in the bucket: no point is drawn rather than a zero. */
  readonly meanLatencyMs: number | null;
  readonly errorRate: number | null;
}

export interface VariantSeries {
  readonly variant: string;
  readonly buckets: readonly Bucket[];
}

/**
 * Predictions in `count` equal buckets of [from, to), per variant: how many, their mean latency
 * and the share that failed. Variants come in name order, so each keeps its line style as the
 * figures change; records outside the window are left out.
 */
export function bucketPredictions(
  records: readonly PredictionPoint[],
  window: { readonly from: number; readonly to: number; readonly count: number },
): VariantSeries[] {
  const width = (window.to - window.from) / window.count;
  const sums = new Map<string, { predictions: number; failed: number; latency: number }[]>();
  for (const record of records) {
    const at = Date.parse(record.createdAt);
    if (!(at >= window.from && at < window.to)) continue;
    const index = Math.min(window.count - 1, Math.floor((at - window.from) / width));
    let variant = sums.get(record.variant);
    if (variant === undefined) {
      variant = Array.from({ length: window.count }, () => ({ predictions: 0, failed: 0, latency: 0 }));
      sums.set(record.variant, variant);
    }
    const bucket = variant[index];
    bucket.predictions += 1;
    bucket.latency += record.latencyMs;
    if (record.outcome !== 'ok') bucket.failed += 1;
  }
  return [...sums.entries()]
    .sort(([left], [right]) => left.localeCompare(right))
    .map(([variant, buckets]) => ({
      variant,
      buckets: buckets.map((sum, index) => ({
        start: window.from + index * width,
        predictions: sum.predictions,
        meanLatencyMs: sum.predictions === 0 ? null : sum.latency / sum.predictions,
        errorRate: sum.predictions === 0 ? null : sum.failed / sum.predictions,
      })),
    }));
}
