/**
 * The run repository's statements. Task runs, transitions and log lines are written as one JSON array
 * each (jsonb_to_recordset) inside one statement, so a change that touches a thousand task runs is
 * still one round trip.
 */
export const SELECT_RUN = `
  SELECT id, workflow_id, workflow_version, project_id, state, params, trigger, rerun_of, actor_id, created_at, version
    FROM workflow_engine.runs WHERE id = $1`;

/** The run row, held against other changes until the transaction ends. */
export const SELECT_RUN_FOR_UPDATE = `${SELECT_RUN} FOR UPDATE`;

export const SELECT_TASK_RUNS = `
  SELECT key, task_id, item_index, item, items, state, attempt, input, outputs, error, retry_at, reused_from,
         started_at, finished_at
    FROM workflow_engine.task_runs WHERE run_id = $1`;

export const SELECT_TRANSITIONS = `
  SELECT task_run_key, from_state, to_state, attempt, reason, at
    FROM workflow_engine.transitions WHERE run_id = $1 ORDER BY seq`;

export const INSERT_RUN = `
  INSERT INTO workflow_engine.runs
    (id, workflow_id, workflow_version, project_id, state, params, trigger, rerun_of, idempotency_key,
     created_at, updated_at, actor_id, version)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 1)
  ON CONFLICT (workflow_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
  RETURNING id`;

/**
 * The rows a change writes besides the run's own, as data-modifying WITH items: task runs
 * (upserted), transitions, task log lines and outbox rows, each from one JSON array parameter.
 * Ordinality keeps transitions and log lines in the order written, which their seq must follow.
 */
function rowsOfChange(parameters: readonly [run: string, taskRuns: string, transitions: string, logs: string]): string {
  const [run, taskRuns, transitions, logs] = parameters;
  return `
  task_runs AS (
    INSERT INTO workflow_engine.task_runs
      (run_id, key, task_id, item_index, item, items, state, attempt, input, outputs, error, retry_at, reused_from,
       started_at, finished_at)
    SELECT ${run}, t.key, t.task_id, t.item_index, t.item, t.items, t.state, t.attempt, t.input, t.outputs, t.error,
           t.retry_at, t.reused_from, t.started_at, t.finished_at
      FROM jsonb_to_recordset(${taskRuns}::jsonb) AS t(key text, task_id text, item_index integer, item jsonb,
           items integer, state text, attempt integer, input jsonb, outputs jsonb, error text, retry_at timestamptz,
           reused_from text, started_at timestamptz, finished_at timestamptz)
    ON CONFLICT (run_id, key) DO UPDATE SET
      items = EXCLUDED.items, state = EXCLUDED.state, attempt = EXCLUDED.attempt, input = EXCLUDED.input,
      outputs = EXCLUDED.outputs, error = EXCLUDED.error, retry_at = EXCLUDED.retry_at,
      reused_from = EXCLUDED.reused_from, started_at = EXCLUDED.started_at, finished_at = EXCLUDED.finished_at),
  transitions AS (
    INSERT INTO workflow_engine.transitions (run_id, task_run_key, from_state, to_state, attempt, reason, at)
    SELECT ${run}, t.task_run_key, t.from_state, t.to_state, t.attempt, t.reason, t.at
      FROM ROWS FROM (jsonb_to_recordset(${transitions}::jsonb) AS (task_run_key text, from_state text,
           to_state text, attempt integer, reason text, at timestamptz)) WITH ORDINALITY
           AS t(task_run_key, from_state, to_state, attempt, reason, at, n)
     ORDER BY t.n),
  log_lines AS (
    INSERT INTO workflow_engine.task_log_lines (run_id, task_run_key, attempt, at, line, level)
    SELECT ${run}, l.key, l.attempt, now(), l.line, coalesce(l.level, 'info')
      FROM ROWS FROM (jsonb_to_recordset(${logs}::jsonb) AS (key text, attempt integer, line text, level text))
           WITH ORDINALITY AS l(key, attempt, line, level, n)
     ORDER BY l.n)`;
}

/** How a change's statement is written: with the outbox rows it publishes, and whether its commit waits for the flush. */
export interface ChangeStatement {
  /** The INSERT of the outbox rows from the JSON array bound to its parameter, when the change publishes events. */
  readonly outboxInsert?: (parameter: string) => string;
  /** The commit returns without waiting for the WAL flush (set in the statement, so it costs no round trip). */
  readonly unflushed?: boolean;
}

/**
 * A change of a saved run in one round trip: bumps the run's version if it is still the one loaded
 * and writes the change's rows. Each row parameter is read through the version bump, so when another
 * writer moved the run on, `updated` is 0 and nothing at all is written: the statement is safe to run
 * alone, outside a transaction, where it is its own transaction.
 * $1 run id, $2 state, $3 updated at, $4 loaded version, $5 task runs, $6 transitions, $7 log lines,
 * and with events $8, the outbox rows `outboxInsert` takes.
 */
export function saveChange({ outboxInsert, unflushed = false }: ChangeStatement = {}): string {
  const ifUpdated = (parameter: string) => `(SELECT ${parameter}::text FROM updated)`;
  const [taskRuns, transitions, logs, outbox] = ['$5', '$6', '$7', '$8'].map(ifUpdated);
  return `
  WITH updated AS (
    UPDATE workflow_engine.runs SET state = $2, updated_at = $3, version = version + 1
     WHERE id = $1 AND version = $4 RETURNING id),
  ${rowsOfChange(['$1', taskRuns, transitions, logs])}${outboxItem(outboxInsert, outbox)}${unflushedItem(unflushed)}
  SELECT count(*)::integer AS updated FROM updated${unflushed ? ', unflushed' : ''}`;
}

/**
 * SET LOCAL as a WITH item: set_config is volatile, so the item is evaluated when the final SELECT
 * reads it, and the setting holds until this transaction (or this statement, alone) commits.
 */
function unflushedItem(unflushed: boolean): string {
  return unflushed
    ? `,
  unflushed AS (SELECT set_config('synchronous_commit', 'off', true))`
    : '';
}

/** The rows of a run just inserted: $1 run id, $2 task runs, $3 transitions, $4 log lines, with events $5 outbox rows. */
export function saveNewRunRows(outboxInsert?: (parameter: string) => string): string {
  return `
  WITH ${rowsOfChange(['$1', '$2', '$3', '$4'])}${outboxItem(outboxInsert, '$5')}
  SELECT 1`;
}

// Only with events: a change that publishes none need not touch the outbox.
function outboxItem(outboxInsert: ((parameter: string) => string) | undefined, parameter: string): string {
  return outboxInsert === undefined ? '' : `,\n  outbox AS (${outboxInsert(parameter)})`;
}
