import { Injectable } from '@nestjs/common';
import { isUuid } from '@libs/ddd';
import { AmbientTransaction } from '@libs/platform';
import type { InhibitionRule } from '../../domain/notifications/inhibition-rule.js';
import type { Matcher } from '../../domain/notifications/matcher.js';
import { InhibitionRuleRepository } from '../../domain/notifications/notifications.repository.js';

interface InhibitionRow {
  readonly id: string;
  readonly project_id: string;
  readonly source_matchers: Matcher[];
  readonly target_matchers: Matcher[];
  readonly equal_labels: string[];
  readonly created_by: string;
  readonly created_at: Date;
}

const COLUMNS = 'id, project_id, source_matchers, target_matchers, equal_labels, created_by, created_at';

/** Inhibition rules in `monitoring.inhibition_rules`. */
@Injectable()
export class PostgresInhibitionRuleRepository extends InhibitionRuleRepository {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  async add(rule: InhibitionRule): Promise<void> {
    await this.scope
      .manager()
      .query(`INSERT INTO monitoring.inhibition_rules (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
        rule.id,
        rule.projectId,
        JSON.stringify(rule.sourceMatchers),
        JSON.stringify(rule.targetMatchers),
        rule.equal,
        rule.createdBy,
        rule.createdAt,
      ]);
  }

  async ofProject(projectId: string): Promise<InhibitionRule[]> {
    const rows: InhibitionRow[] = await this.scope
      .manager()
      .query(`SELECT ${COLUMNS} FROM monitoring.inhibition_rules WHERE project_id = $1 ORDER BY id LIMIT 500`, [
        projectId,
      ]);
    return rows.map((row) => ({
      id: row.id,
      projectId: row.project_id,
      sourceMatchers: row.source_matchers,
      targetMatchers: row.target_matchers,
      equal: row.equal_labels,
      createdBy: row.created_by,
      createdAt: row.created_at,
    }));
  }

  async remove(projectId: string, id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    // A DELETE answers [rows, count] through TypeORM's PostgreSQL driver.
    const [, removed] = await this.scope
      .manager()
      .query<[unknown, number]>('DELETE FROM monitoring.inhibition_rules WHERE project_id = $1 AND id = $2', [
        projectId,
        id,
      ]);
    return removed > 0;
  }
}
