import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { activeTraceparent, AmbientTransaction, PeriodicWork, RequestContext } from '@libs/platform';
import { PredictionLog, type AnsweredPrediction } from '../../application/ports/prediction-log.js';
import { FeedbackSettings } from '../../application/ports/feedback-settings.js';
import { insertPredictionRecords, type PredictionRecordRow } from '../persistence/prediction-records-insert.js';

// Rows per INSERT: one JSON parameter each, kept to a few MB even with sampled payloads.
const ROWS_PER_INSERT = 500;

/**
 * Records answers in memory and writes them in batched INSERTs on an interval and at shutdown, so
 * an answer never waits for PostgreSQL (docs/adr/0505). A crash loses at most one interval of
 * records: a log, not a ledger.
 */
@Injectable()
export class BufferedPredictionLog extends PredictionLog implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(BufferedPredictionLog.name);
  private buffer: PredictionRecordRow[] = [];
  private dropped = 0;
  private readonly work = new PeriodicWork(
    () => this.write(),
    (error) => this.logger.error(`writing prediction records failed: ${error.message}`),
  );

  constructor(
    private readonly scope: AmbientTransaction,
    private readonly settings: FeedbackSettings,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.work.start(this.settings.flushIntervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.work.stop();
    await this.flush();
  }

  record(prediction: AnsweredPrediction): void {
    if (this.buffer.length >= this.settings.maxBuffered) {
      this.dropped++;
      return;
    }
    const sampled = prediction.sampleRate > 0 && Math.random() < prediction.sampleRate;
    this.buffer.push({
      id: prediction.predictionId,
      project_id: prediction.projectId,
      deployment_id: prediction.deploymentId,
      variant: prediction.variant,
      model_version_id: prediction.modelVersionId,
      outcome: prediction.outcome,
      predicted: prediction.predicted ?? null,
      latency_ms: prediction.latencyMs,
      trace_id: traceId(),
      sampled,
      request: sampled ? this.capped(prediction.payload.request()) : null,
      response: sampled ? this.capped(prediction.payload.response()) : null,
      created_at: prediction.at,
    });
  }

  async flush(): Promise<void> {
    // Through the periodic work, so a flush never runs beside a round and writes a record twice.
    await this.work.tick();
    if (this.buffer.length > 0) await this.work.tick();
  }

  private async write(): Promise<void> {
    if (this.dropped > 0) {
      this.logger.warn(`${this.dropped} prediction records dropped: the buffer was full`);
      this.dropped = 0;
    }
    while (this.buffer.length > 0) {
      const rows = this.buffer.slice(0, ROWS_PER_INSERT);
      await insertPredictionRecords(this.scope.manager(), rows);
      this.buffer = this.buffer.slice(rows.length);
    }
  }

  /** The payload as JSON text, or a note of its size when it is over the limit. */
  private capped(payload: unknown): string {
    const text = JSON.stringify(payload ?? null);
    const bytes = Buffer.byteLength(text);
    return bytes > this.settings.maxPayloadBytes ? JSON.stringify({ truncated: true, bytes }) : text;
  }
}

/** The W3C trace id of the span or request in scope (record is called on the request's path). */
function traceId(): string | null {
  const traceparent = activeTraceparent() ?? RequestContext.current()?.traceparent;
  return traceparent?.split('-')[1] ?? null;
}
