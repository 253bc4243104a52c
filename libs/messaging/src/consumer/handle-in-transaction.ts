import { performance } from 'node:perf_hooks';
import type { DataSource, QueryRunner } from 'typeorm';
import type { EventEnvelope } from '../envelope.js';
import { runInEventContext } from './event-context.js';
import type { IntegrationEventHandler } from './integration-event-handler.js';
import { parseEnvelope, type StreamEntry } from './stream-entry.js';

export interface FailedEntry {
  readonly entry: StreamEntry;
  readonly error: unknown;
}

export interface HandledEntry {
  readonly entry: StreamEntry;
  /** Already in the inbox: delivered before, its effects are not repeated. */
  readonly duplicate: boolean;
  readonly seconds: number;
}

interface BatchOutcome {
  readonly done: HandledEntry[];
  readonly failed: FailedEntry[];
}

/** An entry of the optimistic pass failed; its error is kept so it is not handled twice. */
class BatchFailed extends Error {
  constructor(readonly failure?: FailedEntry) {
    super('batch failed');
  }
}

/**
 * Runs a batch of entries through the handler so that each entry's inbox row
 * and effects commit together, exactly once. The whole batch first goes in one
 * transaction (one inbox insert, one commit); if any entry fails, that is rolled
 * back and the batch runs again with a savepoint per entry, so only the failing
 * entries are left for a retry. The entry that failed is not handled again in
 * that second pass: one delivery, one attempt.
 */
export async function handleInTransaction(
  dataSource: DataSource,
  handler: IntegrationEventHandler,
  entries: readonly StreamEntry[],
  inboxSchema: string,
): Promise<BatchOutcome> {
  try {
    return await inTransaction(dataSource, (runner) => handleAll(runner, handler, entries, inboxSchema));
  } catch (error) {
    if (!(error instanceof BatchFailed)) throw error;
    return inTransaction(dataSource, (runner) => handleEach(runner, handler, entries, inboxSchema, error.failure));
  }
}

async function handleAll(
  runner: QueryRunner,
  handler: IntegrationEventHandler,
  entries: readonly StreamEntry[],
  inboxSchema: string,
): Promise<BatchOutcome> {
  const parsed = entries.map((entry) => ({ entry, envelope: tryParse(entry) }));
  if (parsed.some((item) => item.envelope === undefined)) throw new BatchFailed();
  const fresh = await recordInInbox(
    runner,
    handler.consumer,
    inboxSchema,
    parsed.map((item) => item.envelope!.id),
  );
  const done: HandledEntry[] = [];
  const toHandle: { entry: StreamEntry; envelope: EventEnvelope }[] = [];
  for (const { entry, envelope } of parsed) {
    // A relay re-send can put the same event twice in one batch: only the first copy is fresh.
    if (fresh.delete(envelope!.id)) toHandle.push({ entry, envelope: envelope! });
    else done.push({ entry, duplicate: true, seconds: 0 });
  }
  if (handler.handleBatch !== undefined && toHandle.length > 1) {
    const started = performance.now();
    try {
      await handler.handleBatch(
        toHandle.map((item) => item.envelope),
        runner.manager,
      );
    } catch {
      // Which event failed is not known: the second pass finds out, event by event.
      throw new BatchFailed();
    }
    const seconds = (performance.now() - started) / 1000 / toHandle.length;
    return { done: [...done, ...toHandle.map(({ entry }) => ({ entry, duplicate: false, seconds }))], failed: [] };
  }
  for (const { entry, envelope } of toHandle) {
    try {
      done.push({ entry, duplicate: false, seconds: await timedHandle(runner, handler, envelope) });
    } catch (error) {
      throw new BatchFailed({ entry, error });
    }
  }
  return { done, failed: [] };
}

async function handleEach(
  runner: QueryRunner,
  handler: IntegrationEventHandler,
  entries: readonly StreamEntry[],
  inboxSchema: string,
  alreadyFailed?: FailedEntry,
): Promise<BatchOutcome> {
  const done: HandledEntry[] = [];
  const failed: FailedEntry[] = alreadyFailed ? [alreadyFailed] : [];
  for (const entry of entries) {
    if (entry === alreadyFailed?.entry) continue;
    await runner.query('SAVEPOINT inbox_entry');
    try {
      const envelope = parseEnvelope(entry);
      const fresh = await recordInInbox(runner, handler.consumer, inboxSchema, [envelope.id]);
      const seconds = fresh.size > 0 ? await timedHandle(runner, handler, envelope) : 0;
      done.push({ entry, duplicate: fresh.size === 0, seconds });
      await runner.query('RELEASE SAVEPOINT inbox_entry');
    } catch (error) {
      await runner.query('ROLLBACK TO SAVEPOINT inbox_entry');
      failed.push({ entry, error });
    }
  }
  return { done, failed };
}

/** Inserts the inbox rows; answers the event ids that were not there yet. */
async function recordInInbox(
  runner: QueryRunner,
  consumer: string,
  inboxSchema: string,
  eventIds: string[],
): Promise<Set<string>> {
  const { records } = await runner.query(
    `INSERT INTO "${inboxSchema}".inbox (consumer, event_id) SELECT $1, unnest($2::uuid[])
     ON CONFLICT DO NOTHING RETURNING event_id`,
    [consumer, eventIds],
    true,
  );
  return new Set((records as { event_id: string }[]).map((row) => row.event_id));
}

async function timedHandle(
  runner: QueryRunner,
  handler: IntegrationEventHandler,
  envelope: EventEnvelope,
): Promise<number> {
  const started = performance.now();
  await runInEventContext(envelope, () => handler.handle(envelope, runner.manager));
  return (performance.now() - started) / 1000;
}

function tryParse(entry: StreamEntry): EventEnvelope | undefined {
  try {
    return parseEnvelope(entry);
  } catch {
    return undefined;
  }
}

async function inTransaction<T>(dataSource: DataSource, work: (runner: QueryRunner) => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    const result = await work(runner);
    await runner.commitTransaction();
    return result;
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}
