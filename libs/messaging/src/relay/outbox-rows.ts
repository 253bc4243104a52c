import type { DataSource, EntityManager } from 'typeorm';
import type { EntryId } from '../streams/entry-id.js';

export interface OutboxRow {
  readonly seq: string;
  readonly type: string;
  readonly envelope: string;
}

/**
 * The statements the relay runs on one schema's outbox. A row without a stream entry id is unsent;
 * a sent row stays, with its entry's id, until every consumer group acknowledged it (ADR 0008).
 */
export class OutboxRows {
  constructor(private readonly schema: string) {}

  /** Up to `limit` unsent rows, oldest first, locked for this transaction; other relays skip them. */
  claimUnsent(manager: EntityManager, limit: number): Promise<OutboxRow[]> {
    return manager.query(
      `SELECT seq, type, envelope::text AS envelope FROM "${this.schema}".outbox
        WHERE stream_entry_id IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
  }

  /** Sent rows after `afterSeq`, oldest first: what a lost stream held of this outbox. */
  sentAfter(manager: EntityManager, afterSeq: string, limit: number): Promise<OutboxRow[]> {
    return manager.query(
      `SELECT seq, type, envelope::text AS envelope FROM "${this.schema}".outbox
        WHERE stream_entry_id IS NOT NULL AND seq > $1 ORDER BY seq LIMIT $2`,
      [afterSeq, limit],
    );
  }

  /**
   * Marks rows sent, and lets their transaction commit without waiting for the WAL flush: losing the
   * mark in a database crash only sends the rows again, which the consumers' inbox absorbs. The
   * setting rides in the statement (SET LOCAL through set_config, joined once): no round trip of its own.
   */
  async markSent(manager: EntityManager, rows: readonly OutboxRow[], entryIds: readonly string[]): Promise<void> {
    await manager.query(
      `WITH unflushed AS (SELECT set_config('synchronous_commit', 'off', true))
       UPDATE "${this.schema}".outbox AS o SET stream_entry_id = sent.entry_id
         FROM unnest($1::bigint[], $2::text[]) AS sent(seq, entry_id), unflushed WHERE o.seq = sent.seq`,
      [rows.map((row) => row.seq), entryIds],
    );
  }

  /**
   * Forgets sent rows every group acknowledged (their entry id is before `acknowledgedBefore`), and
   * those older than the stream's retention, which the stream would have trimmed anyway.
   */
  async forgetAcknowledged(
    dataSource: DataSource,
    acknowledgedBefore: EntryId | undefined,
    retentionHours: number,
  ): Promise<number> {
    const [ms, seq] = acknowledgedBefore ?? [0, 0];
    const [, deleted] = await dataSource.query<[unknown, number]>(
      `DELETE FROM "${this.schema}".outbox WHERE stream_entry_id IS NOT NULL AND (
         created_at < now() - make_interval(hours => $1)
         OR (split_part(stream_entry_id, '-', 1)::bigint, split_part(stream_entry_id, '-', 2)::bigint) < ($2::bigint, $3::bigint))`,
      [retentionHours, ms, seq],
    );
    return deleted;
  }
}
