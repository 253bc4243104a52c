import {
  OpenLineageDeliveries,
  type DueDelivery,
} from '../../../src/contexts/data-pipeline/application/ports/openlineage-deliveries.js';
import {
  OpenLineageEndpoint,
  OpenLineageEndpointUnavailable,
  OpenLineageSettings,
} from '../../../src/contexts/data-pipeline/application/ports/openlineage-endpoint.js';
import type { OpenLineageRunEvent } from '../../../src/contexts/data-pipeline/domain/lineage/openlineage-run-events.js';

export class FakeOpenLineageSettings extends OpenLineageSettings {
  constructor(
    readonly enabled = true,
    readonly maxAttempts = 3,
    readonly retryBaseMs = 1000,
    readonly pollIntervalMs = 10,
    readonly leaseMs = 60_000,
  ) {
    super();
  }
}

export interface QueuedDelivery {
  readonly seq: number;
  readonly event: OpenLineageRunEvent;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: Date;
  lastError?: string;
}

/** The delivery queue in an array, with the table's rules: one row per run and event type, one claim per run at a time. */
export class InMemoryOpenLineageDeliveries extends OpenLineageDeliveries {
  readonly rows: QueuedDelivery[] = [];

  async add(event: OpenLineageRunEvent, at: Date): Promise<void> {
    const queued = this.rows.some(
      (row) => row.event.run.runId === event.run.runId && row.event.eventType === event.eventType,
    );
    if (!queued)
      this.rows.push({ seq: this.rows.length + 1, event, status: 'pending', attempts: 0, nextAttemptAt: at });
    await Promise.resolve();
  }

  async claimDue(limit: number, now: Date, leaseMs: number): Promise<DueDelivery[]> {
    const firstOfRun = (row: QueuedDelivery) =>
      !this.rows.some(
        (other) => other.status === 'pending' && other.event.run.runId === row.event.run.runId && other.seq < row.seq,
      );
    const due = this.rows
      .filter((row) => row.status === 'pending' && row.nextAttemptAt <= now && firstOfRun(row))
      .slice(0, limit);
    for (const row of due) {
      row.attempts += 1;
      row.nextAttemptAt = new Date(now.getTime() + leaseMs);
    }
    await Promise.resolve();
    return due.map(({ seq, event, attempts }) => ({ seq, event, attempts }));
  }

  async markDelivered(seq: number): Promise<void> {
    this.row(seq).status = 'delivered';
    await Promise.resolve();
  }

  async markRetry(seq: number, error: string, nextAttemptAt: Date): Promise<void> {
    Object.assign(this.row(seq), { lastError: error, nextAttemptAt });
    await Promise.resolve();
  }

  async postpone(seq: number, until: Date): Promise<void> {
    const row = this.row(seq);
    Object.assign(row, { attempts: row.attempts - 1, nextAttemptAt: until });
    await Promise.resolve();
  }

  async markFailed(seq: number, error: string): Promise<void> {
    Object.assign(this.row(seq), { lastError: error, status: 'failed' });
    await Promise.resolve();
  }

  private row(seq: number): QueuedDelivery {
    const row = this.rows.find((candidate) => candidate.seq === seq);
    if (!row) throw new Error(`no delivery ${seq}`);
    return row;
  }
}

/** Answers each send with the next scripted outcome (an error message to throw, or 'ok'); ok once the script runs out. */
export class ScriptedOpenLineageEndpoint extends OpenLineageEndpoint {
  readonly sent: OpenLineageRunEvent[] = [];

  constructor(private readonly script: string[] = []) {
    super();
  }

  /** When a `circuit-open` outcome says a probe may go through. */
  retryAt = new Date(Date.now() + 60_000);

  /** Each call takes the script's next outcome: `ok`, `circuit-open` (refused unsent) or an error message. */
  async send(event: OpenLineageRunEvent): Promise<void> {
    const outcome = this.script.shift() ?? 'ok';
    await Promise.resolve();
    if (outcome === 'circuit-open') throw new OpenLineageEndpointUnavailable(this.retryAt);
    this.sent.push(event);
    if (outcome !== 'ok') throw new Error(outcome);
  }
}
