import { Injectable } from '@nestjs/common';
import { isUuid } from '@libs/ddd';
import { AmbientTransaction } from '@libs/platform';
import type { AlertStateName } from '../../domain/alerts/alert-state.js';
import type { Alert, AlertTransition } from '../../domain/alerts/alert.js';
import { AlertRepository, type HistoryQuery, type TransitionPage } from '../../domain/alerts/alert.repository.js';
import type { Labels } from '../../domain/alerts/labels.js';
import type { LineageRef } from '../../domain/alerts/sample.js';

interface AlertRow {
  readonly id: string;
  readonly rule_id: string;
  readonly project_id: string | null;
  readonly fingerprint: string;
  readonly labels: Labels;
  readonly state: AlertStateName;
  readonly active_since: Date | null;
  readonly last_met_at: Date | null;
  readonly value: number | null;
  readonly annotations: Labels;
  readonly lineage: LineageRef[];
  readonly updated_at: Date;
}

interface TransitionRow {
  readonly id: string;
  readonly alert_id: string;
  readonly rule_id: string;
  readonly project_id: string | null;
  readonly labels: Labels;
  readonly from_state: AlertStateName;
  readonly to_state: AlertStateName;
  readonly at: Date;
  readonly value: number | null;
  readonly annotations: Labels;
  readonly lineage: LineageRef[];
}

const ALERT_COLUMNS =
  'id, rule_id, project_id, fingerprint, labels, state, active_since, last_met_at, value, annotations, lineage, updated_at';
const TRANSITION_COLUMNS =
  'id, alert_id, rule_id, project_id, labels, from_state, to_state, at, value, annotations, lineage';
const FIRST = '00000000-0000-0000-0000-000000000000';

/** Alerts in `monitoring.alerts`, their history in `monitoring.alert_transitions`. */
@Injectable()
export class PostgresAlertRepository extends AlertRepository {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  async ofRule(ruleId: string): Promise<Alert[]> {
    const rows: AlertRow[] = await this.scope
      .manager()
      .query(`SELECT ${ALERT_COLUMNS} FROM monitoring.alerts WHERE rule_id = $1`, [ruleId]);
    return rows.map(alertOf);
  }

  async find(id: string): Promise<Alert | undefined> {
    if (!isUuid(id)) return undefined;
    const rows: AlertRow[] = await this.scope
      .manager()
      .query(`SELECT ${ALERT_COLUMNS} FROM monitoring.alerts WHERE id = $1`, [id]);
    return rows[0] && alertOf(rows[0]);
  }

  async save(alerts: readonly Alert[], transitions: readonly AlertTransition[]): Promise<void> {
    const manager = this.scope.manager();
    for (const a of alerts) {
      await manager.query(
        `INSERT INTO monitoring.alerts (${ALERT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (rule_id, fingerprint) DO UPDATE SET state = $6, active_since = $7, last_met_at = $8,
           value = $9, annotations = $10, lineage = $11, updated_at = $12`,
        [
          a.id,
          a.ruleId,
          a.projectId,
          a.fingerprint,
          JSON.stringify(a.labels),
          a.status.state,
          a.status.activeSince,
          a.status.lastMetAt,
          a.value,
          JSON.stringify(a.annotations),
          JSON.stringify(a.lineage),
          a.updatedAt,
        ],
      );
    }
    for (const t of transitions) {
      await manager.query(
        `INSERT INTO monitoring.alert_transitions (${TRANSITION_COLUMNS})
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          t.id,
          t.alertId,
          t.ruleId,
          t.projectId,
          JSON.stringify(t.labels),
          t.from,
          t.to,
          t.at,
          t.value,
          JSON.stringify(t.annotations),
          JSON.stringify(t.lineage),
        ],
      );
    }
  }

  async current(projectId: string, state?: AlertStateName): Promise<Alert[]> {
    const rows: AlertRow[] = await this.scope.manager().query(
      `SELECT ${ALERT_COLUMNS} FROM monitoring.alerts
       WHERE project_id = $1 AND (state = $2 OR ($2::text IS NULL AND state <> 'inactive'))
       ORDER BY updated_at DESC LIMIT 500`,
      [projectId, state ?? null],
    );
    return rows.map(alertOf);
  }

  async everywhere(state: AlertStateName): Promise<Alert[]> {
    const rows: AlertRow[] = await this.scope
      .manager()
      .query(`SELECT ${ALERT_COLUMNS} FROM monitoring.alerts WHERE state = $1 ORDER BY updated_at DESC LIMIT 500`, [
        state,
      ]);
    return rows.map(alertOf);
  }

  async history(query: HistoryQuery): Promise<TransitionPage> {
    const after = query.cursor !== undefined && isUuid(query.cursor) ? query.cursor : FIRST;
    const rows: TransitionRow[] = await this.scope.manager().query(
      `SELECT ${TRANSITION_COLUMNS} FROM monitoring.alert_transitions
       WHERE project_id IS NOT DISTINCT FROM $1 AND id > $2
         AND ($3::uuid IS NULL OR rule_id = $3) AND ($4::uuid IS NULL OR alert_id = $4)
         AND ($5::timestamptz IS NULL OR at >= $5) AND ($6::timestamptz IS NULL OR at < $6)
       ORDER BY id LIMIT $7`,
      [
        query.projectId,
        after,
        query.ruleId ?? null,
        query.alertId ?? null,
        query.from ?? null,
        query.to ?? null,
        query.limit + 1,
      ],
    );
    const items = rows.slice(0, query.limit).map(transitionOf);
    return { items, nextCursor: rows.length > query.limit ? items[items.length - 1].id : null };
  }
}

function alertOf(row: AlertRow): Alert {
  return {
    id: row.id,
    ruleId: row.rule_id,
    projectId: row.project_id,
    fingerprint: row.fingerprint,
    labels: row.labels,
    status: { state: row.state, activeSince: row.active_since, lastMetAt: row.last_met_at },
    value: row.value,
    annotations: row.annotations,
    lineage: row.lineage,
    updatedAt: row.updated_at,
  };
}

function transitionOf(row: TransitionRow): AlertTransition {
  return {
    id: row.id,
    alertId: row.alert_id,
    ruleId: row.rule_id,
    projectId: row.project_id,
    labels: row.labels,
    from: row.from_state,
    to: row.to_state,
    at: row.at,
    value: row.value,
    annotations: row.annotations,
    lineage: row.lineage,
  };
}
