import type { EntityManager } from 'typeorm';

/** One prediction record as the log writes it; payloads are JSON text already (or null when not sampled). */
export interface PredictionRecordRow {
  readonly id: string;
  readonly project_id: string;
  readonly deployment_id: string;
  readonly variant: string;
  readonly model_version_id: string;
  readonly outcome: 'ok' | 'failed';
  readonly predicted: unknown;
  readonly latency_ms: number;
  readonly trace_id: string | null;
  readonly sampled: boolean;
  readonly request: string | null;
  readonly response: string | null;
  readonly created_at: Date;
}

// The rows travel as one JSON parameter that PostgreSQL unpacks: a profile of the cached bench
// showed TypeORM's multi-row INSERT builder (a bind parameter per column per row, each escaped and
// looked up by name) costing more CPU than the rest of a cached request (docs/adr/0508).
const INSERT_RECORDS = `
  INSERT INTO prediction.prediction_records
    (id, project_id, deployment_id, variant, model_version_id, outcome, predicted, latency_ms,
     trace_id, sampled, request, response, created_at)
  SELECT id, project_id, deployment_id, variant, model_version_id, outcome, predicted, latency_ms,
         trace_id, sampled, request::jsonb, response::jsonb, created_at
  FROM jsonb_to_recordset($1::jsonb) AS row(
    id uuid, project_id uuid, deployment_id uuid, variant text, model_version_id uuid, outcome text,
    predicted jsonb, latency_ms double precision, trace_id text, sampled boolean, request text,
    response text, created_at timestamptz)
  ON CONFLICT (id) DO NOTHING`;

/** Writes `rows` in one statement; a record already written (a retried flush) is left as it is. */
export async function insertPredictionRecords(
  manager: EntityManager,
  rows: readonly PredictionRecordRow[],
): Promise<void> {
  await manager.query(INSERT_RECORDS, [JSON.stringify(rows)]);
}
