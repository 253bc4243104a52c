import { describe, expect, it } from '@jest/globals';
import { bucketPredictions, type PredictionPoint } from './bucket-predictions';

const FROM = Date.parse('2026-01-01T00:00:00Z');
const at = (seconds: number) => new Date(FROM + seconds * 1000).toISOString();
const record = (variant: string, seconds: number, latencyMs: number, outcome = 'ok'): PredictionPoint => ({
  variant,
  outcome,
  latencyMs,
  createdAt: at(seconds),
});

describe('bucketPredictions', () => {
  const window = { from: FROM, to: FROM + 60_000, count: 3 };

  it('averages latency and counts failures per variant and bucket, variants in name order', () => {
    const series = bucketPredictions(
      [record('b', 1, 10), record('a', 2, 4), record('a', 5, 8, 'failed'), record('a', 45, 30)],
      window,
    );
    expect(series.map((line) => line.variant)).toEqual(['a', 'b']);
    expect(series[0].buckets).toEqual([
      { start: FROM, predictions: 2, meanLatencyMs: 6, errorRate: 0.5 },
      { start: FROM + 20_000, predictions: 0, meanLatencyMs: null, errorRate: null },
      { start: FROM + 40_000, predictions: 1, meanLatencyMs: 30, errorRate: 0 },
    ]);
    expect(series[1].buckets[0]).toEqual({ start: FROM, predictions: 1, meanLatencyMs: 10, errorRate: 0 });
  });

  it('leaves out records outside the window', () => {
    expect(bucketPredictions([record('a', -1, 5), record('a', 60, 5)], window)).toEqual([]);
  });
});
