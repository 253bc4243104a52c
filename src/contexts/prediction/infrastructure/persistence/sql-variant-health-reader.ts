import { Injectable } from '@nestjs/common';
import { isUuid } from '@libs/ddd';
import { AmbientTransaction } from '@libs/platform';
import type { VariantHealth, VariantHealthQuery } from '../../contracts/prediction-health.facade.js';
import { VariantHealthReader } from '../../application/ports/variant-health-reader.js';

interface HealthRow {
  readonly project_id: string;
  readonly deployment_id: string;
  readonly variant: string;
  readonly requests: number;
  readonly errors: number;
  readonly p99_seconds: number;
}

/**
 * One aggregate over the prediction log (docs/adr/0505) in the window, on its (deployment, variant,
 * time) index when a deployment is named and its time index otherwise. The p99 is exact
 * (`percentile_cont`), not a bucket estimate. Answers still in a process's buffer are not counted
 * yet: the summary trails serving by at most one flush interval.
 */
@Injectable()
export class SqlVariantHealthReader extends VariantHealthReader {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  async read(query: VariantHealthQuery): Promise<VariantHealth[]> {
    if (query.deploymentId !== undefined && !isUuid(query.deploymentId)) return [];
    const rows: HealthRow[] = await this.scope.manager().query(
      `SELECT project_id, deployment_id, variant, count(*)::int AS requests,
         count(*) FILTER (WHERE outcome = 'failed')::int AS errors,
         (percentile_cont(0.99) WITHIN GROUP (ORDER BY latency_ms) / 1000)::float8 AS p99_seconds
       FROM prediction.prediction_records
       WHERE created_at > $1 AND created_at <= $2
         AND ($3::uuid IS NULL OR project_id = $3) AND ($4::uuid IS NULL OR deployment_id = $4)
         AND ($5::text IS NULL OR variant = $5)
       GROUP BY project_id, deployment_id, variant`,
      [query.since, query.until, query.projectId, query.deploymentId ?? null, query.variant ?? null],
    );
    return rows.map((row) => ({
      projectId: row.project_id,
      deploymentId: row.deployment_id,
      variant: row.variant,
      requests: row.requests,
      errors: row.errors,
      p99Seconds: row.p99_seconds,
    }));
  }
}
