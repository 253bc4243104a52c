/**
 * The run repository's statements. Task runs and transitions are written as one JSON array per
 * statement (jsonb_to_recordset), so a change that touches a thousand task runs is still one round trip.
 */
export const SELECT_RUN = `
  SELECT id, workflow_id, workflow_version, project_id, state, params, trigger, rerun_of, actor_id, created_at, version
    FROM workflow_engine.runs WHERE id = $1`;

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

export const UPDATE_RUN = `
  UPDATE workflow_engine.runs SET state = $2, updated_at = $3, version = version + 1
   WHERE id = $1 AND version = $4`;

export const UPSERT_TASK_RUNS = `
  INSERT INTO workflow_engine.task_runs
    (run_id, key, task_id, item_index, item, items, state, attempt, input, outputs, error, retry_at, reused_from,
     started_at, finished_at)
  SELECT $1, t.key, t.task_id, t.item_index, t.item, t.items, t.state, t.attempt, t.input, t.outputs, t.error,
         t.retry_at, t.reused_from, t.started_at, t.finished_at
    FROM jsonb_to_recordset($2::jsonb) AS t(key text, task_id text, item_index integer, item jsonb, items integer,
         state text, attempt integer, input jsonb, outputs jsonb, error text, retry_at timestamptz, reused_from text,
         started_at timestamptz, finished_at timestamptz)
  ON CONFLICT (run_id, key) DO UPDATE SET
    items = EXCLUDED.items, state = EXCLUDED.state, attempt = EXCLUDED.attempt, input = EXCLUDED.input,
    outputs = EXCLUDED.outputs, error = EXCLUDED.error, retry_at = EXCLUDED.retry_at,
    reused_from = EXCLUDED.reused_from, started_at = EXCLUDED.started_at, finished_at = EXCLUDED.finished_at`;

export const INSERT_TRANSITIONS = `
  INSERT INTO workflow_engine.transitions (run_id, task_run_key, from_state, to_state, attempt, reason, at)
  SELECT $1, t.task_run_key, t.from_state, t.to_state, t.attempt, t.reason, t.at
    FROM jsonb_to_recordset($2::jsonb) AS t(task_run_key text, from_state text, to_state text, attempt integer,
         reason text, at timestamptz)`;
