import { Injectable } from '@nestjs/common';
import { AmbientTransaction } from '@libs/platform';
import {
  PredictionRecords,
  type FeedbackOutcome,
  type JudgedLabel,
  type PredictionRecord,
  type PredictionSearch,
  type VariantOutcomes,
} from '../../application/ports/prediction-records.js';
import type { Feedback } from '../../domain/feedback/feedback.js';
import { PredictionRecordOrmEntity } from './prediction-record.orm-entity.js';

// A label matches as JSON (1 = 1.0) or as text ("1" = 1): callers send classes either way.
const LABEL_MATCHES = `(feedback->'label' = predicted OR feedback->>'label' = predicted #>> '{}')`;

const OUTCOMES = `
  SELECT variant, model_version_id,
         count(*)::int AS predictions,
         count(*) FILTER (WHERE outcome = 'failed')::int AS failed,
         coalesce(avg(latency_ms), 0)::float8 AS mean_latency_ms,
         count(*) FILTER (WHERE feedback ? 'label')::int AS with_feedback,
         count(*) FILTER (WHERE feedback ? 'label' AND ${LABEL_MATCHES})::int AS correct,
         count(abs_error)::int AS error_count,
         coalesce(avg(abs_error), 0)::float8 AS mean_error,
         coalesce(var_samp(abs_error), 0)::float8 AS error_variance
    FROM (SELECT *, CASE WHEN jsonb_typeof(feedback->'value') = 'number' AND jsonb_typeof(predicted) = 'number'
                         THEN abs((feedback->>'value')::float8 - (predicted #>> '{}')::float8) END AS abs_error
            FROM prediction.prediction_records WHERE deployment_id = $1) AS records
   GROUP BY variant, model_version_id`;

const JUDGED_LABELS = `
  SELECT variant, model_version_id, coalesce(${LABEL_MATCHES}, false) AS correct
    FROM prediction.prediction_records
   WHERE deployment_id = $1 AND feedback ? 'label'
   ORDER BY feedback_at, id`;

// Each deployment's own retention; records of deleted deployments go after the default 30 days.
const PRUNE = `
  DELETE FROM prediction.prediction_records AS r
   WHERE r.created_at < $1::timestamptz - make_interval(days => coalesce(
     (SELECT (d.serving->'logging'->>'retentionDays')::int FROM prediction.deployments d WHERE d.id = r.deployment_id), 30))`;

interface OutcomeRow {
  variant: string;
  model_version_id: string;
  predictions: number;
  failed: number;
  mean_latency_ms: number;
  with_feedback: number;
  correct: number;
  error_count: number;
  mean_error: number;
  error_variance: number;
}

@Injectable()
export class TypeOrmPredictionRecords extends PredictionRecords {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  async find(id: string): Promise<PredictionRecord | undefined> {
    return (await this.repository().findOneBy({ id })) ?? undefined;
  }

  search(search: PredictionSearch): Promise<PredictionRecord[]> {
    const query = this.repository()
      .createQueryBuilder('r')
      .where('r.deploymentId = :deploymentId', { deploymentId: search.deploymentId })
      .orderBy('r.createdAt', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(search.limit);
    if (search.variant !== undefined) query.andWhere('r.variant = :variant', { variant: search.variant });
    if (search.from) query.andWhere('r.createdAt >= :from', { from: search.from });
    if (search.to) query.andWhere('r.createdAt < :to', { to: search.to });
    if (search.after)
      query.andWhere('(r.createdAt, r.id) < (:afterAt, :afterId)', {
        afterAt: search.after.createdAt,
        afterId: search.after.id,
      });
    return query.getMany();
  }

  async recordFeedback(id: string, feedback: Feedback, by: string, at: Date): Promise<FeedbackOutcome> {
    // One statement: of two concurrent feedbacks exactly one finds the row without any.
    const result = await this.repository()
      .createQueryBuilder()
      .update()
      .set({ feedback, feedbackBy: by, feedbackAt: at })
      .where('id = :id AND feedback IS NULL', { id })
      .execute();
    if ((result.affected ?? 0) > 0) return 'recorded';
    return (await this.repository().existsBy({ id })) ? 'already-given' : 'missing';
  }

  async outcomes(deploymentId: string): Promise<VariantOutcomes[]> {
    const rows: OutcomeRow[] = await this.scope.manager().query(OUTCOMES, [deploymentId]);
    return rows.map((row) => ({
      variant: row.variant,
      modelVersionId: row.model_version_id,
      predictions: row.predictions,
      failed: row.failed,
      meanLatencyMs: row.mean_latency_ms,
      withFeedback: row.with_feedback,
      correct: row.correct,
      errorCount: row.error_count,
      meanError: row.mean_error,
      errorVariance: row.error_variance,
    }));
  }

  async judgedLabels(deploymentId: string): Promise<JudgedLabel[]> {
    const rows: { variant: string; model_version_id: string; correct: boolean }[] = await this.scope
      .manager()
      .query(JUDGED_LABELS, [deploymentId]);
    return rows.map((row) => ({ variant: row.variant, modelVersionId: row.model_version_id, correct: row.correct }));
  }

  async prune(now: Date): Promise<number> {
    const [, deleted]: [unknown, number] = await this.scope.manager().query(PRUNE, [now]);
    return deleted;
  }

  private repository() {
    return this.scope.manager().getRepository(PredictionRecordOrmEntity);
  }
}
