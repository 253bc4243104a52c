/** Minimal slice of TypeORM's QueryRunner the migrations hand us. */
interface SqlRunner {
  query(sql: string): Promise<unknown>;
}

export const OUTBOX_CHANNEL = 'outbox_inserted';

/**
 * The outbox and inbox of one context schema (ARCHITECTURE section 3), in their
 * latest shape. No trigger: relays are woken after the commit, in-process or by a
 * NOTIFY sent then (OutboxCommitSubscriber, ADR 0002).
 */
export async function createMessagingTables(runner: SqlRunner, schema: string): Promise<void> {
  await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  await runner.query(`
    CREATE TABLE "${schema}".outbox (
      seq bigint GENERATED ALWAYS AS IDENTITY,
      id uuid NOT NULL,
      type text NOT NULL,
      envelope json NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
  // One index only: every event passes through this table once, so each index costs on the hot path.
  await runner.query(`CREATE UNIQUE INDEX outbox_seq_idx ON "${schema}".outbox (seq)`);
  await runner.query(`
    CREATE TABLE "${schema}".inbox (
      consumer text NOT NULL,
      event_id uuid NOT NULL,
      handled_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (consumer, event_id)
    )`);
  await keepPublishedOutboxRows(runner, schema);
}

/**
 * ADR 0008: the relay keeps a sent row, with the id of its stream entry, until every consumer group
 * of the stream has acknowledged it, so the rows a Redis data loss took can be sent again. Unsent
 * rows are the ones without an entry id; the relay claims them through a partial index, which stays
 * as small as the backlog. Idempotent, so schemas made before it and after it end up alike.
 */
export async function keepPublishedOutboxRows(runner: SqlRunner, schema: string): Promise<void> {
  await runner.query(`ALTER TABLE "${schema}".outbox ADD COLUMN IF NOT EXISTS stream_entry_id text`);
  await runner.query(
    `CREATE INDEX IF NOT EXISTS outbox_unpublished_idx ON "${schema}".outbox (seq) WHERE stream_entry_id IS NULL`,
  );
}

export async function dropMessagingTables(runner: SqlRunner, schema: string): Promise<void> {
  await runner.query(`DROP TABLE IF EXISTS "${schema}".inbox`);
  await runner.query(`DROP TABLE IF EXISTS "${schema}".outbox`);
  await runner.query(`DROP FUNCTION IF EXISTS "${schema}".notify_outbox()`);
}

/**
 * ADR 0002: the outbox's statement trigger NOTIFYed inside every publishing transaction, and PostgreSQL
 * serialises the commits of notifying transactions, WAL flush included. The wake-up moved after the
 * commit (OutboxCommitSubscriber), so the trigger goes. Idempotent, as schemas made after it have none.
 */
export async function dropOutboxNotifyTrigger(runner: SqlRunner, schema: string): Promise<void> {
  await runner.query(`DROP TRIGGER IF EXISTS outbox_notify ON "${schema}".outbox`);
  await runner.query(`DROP FUNCTION IF EXISTS "${schema}".notify_outbox()`);
}

/** The trigger `dropOutboxNotifyTrigger` removes, for going back. */
export async function createOutboxNotifyTrigger(runner: SqlRunner, schema: string): Promise<void> {
  await runner.query(`
    CREATE FUNCTION "${schema}".notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('${OUTBOX_CHANNEL}', '${schema}');
      RETURN NULL;
    END $$`);
  await runner.query(`
    CREATE TRIGGER outbox_notify AFTER INSERT ON "${schema}".outbox
    FOR EACH STATEMENT EXECUTE FUNCTION "${schema}".notify_outbox()`);
}
