import { Injectable } from '@nestjs/common';
import { isUuid } from '@libs/ddd';
import { AmbientTransaction } from '@libs/platform';
import type { AlertExpr } from '../../domain/alerts/alert-expr.js';
import { AlertRule, type Severity } from '../../domain/alerts/alert-rule.js';
import { AlertRuleRepository, type AlertRulePage } from '../../domain/alerts/alert-rule.repository.js';
import type { Labels } from '../../domain/alerts/labels.js';

interface RuleRow {
  readonly id: string;
  readonly project_id: string | null;
  readonly name: string;
  readonly expr: AlertExpr;
  readonly for_duration: string;
  readonly keep_firing_for: string;
  readonly severity: Severity;
  readonly labels: Labels;
  readonly annotations: Labels;
  readonly created_by: string;
  readonly created_at: Date;
  readonly updated_at: Date;
}

const COLUMNS =
  'id, project_id, name, expr, for_duration, keep_firing_for, severity, labels, annotations, created_by, created_at, updated_at';
const FIRST = '00000000-0000-0000-0000-000000000000';

/** Rules in `monitoring.alert_rules`; `next_evaluation_at` is both the due time and the lease. */
@Injectable()
export class PostgresAlertRuleRepository extends AlertRuleRepository {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  async add(rule: AlertRule): Promise<void> {
    const s = rule.snapshot;
    await this.scope.manager().query(
      `INSERT INTO monitoring.alert_rules (${COLUMNS}, next_evaluation_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $11)`,
      [
        s.id,
        s.projectId,
        s.name,
        JSON.stringify(s.expr),
        s.for,
        s.keepFiringFor,
        s.severity,
        JSON.stringify(s.labels),
        JSON.stringify(s.annotations),
        s.createdBy,
        s.createdAt,
        s.updatedAt,
      ],
    );
  }

  async save(rule: AlertRule): Promise<void> {
    const s = rule.snapshot;
    await this.scope.manager().query(
      `UPDATE monitoring.alert_rules SET name = $2, expr = $3, for_duration = $4, keep_firing_for = $5,
         severity = $6, labels = $7, annotations = $8, updated_at = $9 WHERE id = $1`,
      [
        s.id,
        s.name,
        JSON.stringify(s.expr),
        s.for,
        s.keepFiringFor,
        s.severity,
        JSON.stringify(s.labels),
        JSON.stringify(s.annotations),
        s.updatedAt,
      ],
    );
  }

  async remove(id: string): Promise<void> {
    await this.scope.manager().query('DELETE FROM monitoring.alert_rules WHERE id = $1', [id]);
  }

  async find(id: string): Promise<AlertRule | undefined> {
    if (!isUuid(id)) return undefined;
    const rows: RuleRow[] = await this.scope
      .manager()
      .query(`SELECT ${COLUMNS} FROM monitoring.alert_rules WHERE id = $1`, [id]);
    return rows[0] && toDomain(rows[0]);
  }

  async list(projectId: string | null, limit: number, cursor?: string): Promise<AlertRulePage> {
    const after = cursor !== undefined && isUuid(cursor) ? cursor : FIRST;
    const rows: RuleRow[] = await this.scope.manager().query(
      `SELECT ${COLUMNS} FROM monitoring.alert_rules
       WHERE project_id IS NOT DISTINCT FROM $1 AND id > $2 ORDER BY id LIMIT $3`,
      [projectId, after, limit + 1],
    );
    const items = rows.slice(0, limit).map(toDomain);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
  }

  async claimDue(now: Date, leaseUntil: Date, limit: number): Promise<AlertRule[]> {
    // One statement: the rows are locked, skipped by other evaluators, and leased before anyone reads a signal.
    const rows: RuleRow[] = await this.scope.manager().query(
      `WITH claimed AS (
         UPDATE monitoring.alert_rules SET next_evaluation_at = $3
         WHERE id IN (
           SELECT id FROM monitoring.alert_rules WHERE next_evaluation_at <= $1
           ORDER BY next_evaluation_at LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING ${COLUMNS})
       SELECT * FROM claimed`,
      [now, limit, leaseUntil],
    );
    return rows.map(toDomain);
  }

  async release(id: string, nextAt: Date): Promise<void> {
    await this.scope
      .manager()
      .query('UPDATE monitoring.alert_rules SET next_evaluation_at = $2 WHERE id = $1', [id, nextAt]);
  }
}

function toDomain(row: RuleRow): AlertRule {
  return AlertRule.restore({
    id: row.id,
    projectId: row.project_id,
    name: row.name,
    expr: row.expr,
    for: row.for_duration,
    keepFiringFor: row.keep_firing_for,
    severity: row.severity,
    labels: row.labels,
    annotations: row.annotations,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}
