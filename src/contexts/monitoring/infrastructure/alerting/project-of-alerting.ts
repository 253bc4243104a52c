import { Injectable } from '@nestjs/common';
import { isUuid } from '@libs/ddd';
import { AmbientTransaction } from '@libs/platform';
import { ProjectOfAlert, ProjectOfAlertRule } from '../../application/ports/project-of-alerting.js';

@Injectable()
export class PostgresProjectOfAlertRule extends ProjectOfAlertRule {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  async projectOf(ruleId: string): Promise<string | undefined> {
    if (!isUuid(ruleId)) return undefined;
    const rows: { project_id: string | null }[] = await this.scope
      .manager()
      .query('SELECT project_id FROM monitoring.alert_rules WHERE id = $1', [ruleId]);
    return rows[0]?.project_id ?? undefined;
  }
}

/** An alert's history outlives the alert: the project is read from its transitions. */
@Injectable()
export class PostgresProjectOfAlert extends ProjectOfAlert {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  async projectOf(alertId: string): Promise<string | undefined> {
    if (!isUuid(alertId)) return undefined;
    const rows: { project_id: string | null }[] = await this.scope
      .manager()
      .query('SELECT project_id FROM monitoring.alert_transitions WHERE alert_id = $1 LIMIT 1', [alertId]);
    return rows[0]?.project_id ?? undefined;
  }
}
