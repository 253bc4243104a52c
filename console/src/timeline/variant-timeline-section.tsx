import { useState } from 'react';
import { api } from '../api/client';
import { useApi } from '../hooks/use-api';
import { PageStatus } from '../pages/page-status';
import { percent } from '../pages/traffic-split-chart';
import { DataTable } from '../shell/data-table';
import { bucketPredictions, type PredictionPoint } from './bucket-predictions';
import { TimeSeriesChart } from './time-series-chart';

const WINDOWS_MINUTES = [5, 15, 60] as const;
const BUCKETS = 30;
const PAGE_LIMIT = 100;
// The log is read a page at a time; beyond this many records the window's oldest are left out, and the page says so.
const MAX_PAGES = 20;
// Reading up to a few thousand records: often enough to look live, rarely enough to cost little.
const POLL_MS = 5000;

interface Window {
  readonly records: readonly PredictionPoint[];
  readonly from: number;
  readonly to: number;
  readonly truncated: boolean;
}

/** The deployment's prediction log over the last `minutes`, newest first, read page by page. */
async function recentPredictions(deploymentId: string, minutes: number): Promise<{ data?: Window; error?: unknown }> {
  const to = Date.now();
  const from = to - minutes * 60_000;
  const records: PredictionPoint[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const { data, error } = await api.GET('/api/v1/deployments/{deploymentId}/predictions', {
      params: {
        path: { deploymentId },
        query: { limit: PAGE_LIMIT, from: new Date(from).toISOString(), ...(cursor !== undefined && { cursor }) },
      },
    });
    if (data === undefined) return { error };
    records.push(...data.items);
    if (data.nextCursor === null) return { data: { records, from, to, truncated: false } };
    cursor = data.nextCursor;
  }
  return { data: { records, from, to, truncated: true } };
}

/**
 * Latency and error rate per variant over time, bucketed in the browser from the prediction log
 * (the API has no time-series route), read again every few seconds.
 */
export function VariantTimelineSection({ deploymentId }: { deploymentId: string }) {
  const [minutes, setMinutes] = useState<number>(WINDOWS_MINUTES[0]);
  const window = useApi(
    () => recentPredictions(deploymentId, minutes),
    `predictions:${deploymentId}:${minutes}`,
    POLL_MS,
  );
  const series =
    window.data === undefined
      ? []
      : bucketPredictions(window.data.records, { from: window.data.from, to: window.data.to, count: BUCKETS });
  const bucketSeconds = (minutes * 60) / BUCKETS;
  return (
    <section aria-labelledby="over-time">
      <h2 id="over-time">Latency and errors over time</h2>
      <label className="inline-label">
        Window
        <select value={minutes} onChange={(event) => setMinutes(Number(event.currentTarget.value))}>
          {WINDOWS_MINUTES.map((choice) => (
            <option key={choice} value={choice}>
              last {choice} minutes
            </option>
          ))}
        </select>
      </label>
      {window.data === undefined ? (
        <PageStatus error={window.error} />
      ) : (
        <>
          <p>
            {window.data.records.length} predictions in {bucketSeconds} s buckets
            {window.data.truncated && ' (the most recent only: the window holds more than the page reads)'}.
          </p>
          <div className="chart-pair">
            <TimeSeriesChart
              title="Mean latency per variant (ms)"
              series={series}
              valueOf={(bucket) => bucket.meanLatencyMs}
              format={(value) => `${value.toFixed(1)} ms`}
              floorMax={1}
            />
            <TimeSeriesChart
              title="Error rate per variant"
              series={series}
              valueOf={(bucket) => bucket.errorRate}
              format={percent}
              floorMax={0.05}
            />
          </div>
          <details>
            <summary>The figures as a table</summary>
            <DataTable
              label="Latency and errors by time"
              rows={series.flatMap((line) =>
                line.buckets
                  .filter((bucket) => bucket.predictions > 0)
                  .map((bucket) => ({ variant: line.variant, bucket })),
              )}
              rowKey={({ variant, bucket }) => `${variant}-${bucket.start}`}
              rowAttributes={({ variant }) => ({ 'data-bucket-variant': variant })}
              columns={[
                { header: 'From', cell: ({ bucket }) => new Date(bucket.start).toLocaleTimeString() },
                { header: 'Variant', cell: ({ variant }) => variant },
                { header: 'Predictions', cell: ({ bucket }) => bucket.predictions },
                { header: 'Mean latency', cell: ({ bucket }) => <>{bucket.meanLatencyMs?.toFixed(1)} ms</> },
                { header: 'Error rate', cell: ({ bucket }) => percent(bucket.errorRate ?? 0) },
              ]}
            />
          </details>
        </>
      )}
    </section>
  );
}
