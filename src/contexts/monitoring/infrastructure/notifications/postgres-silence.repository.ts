import { Injectable } from '@nestjs/common';
import { isUuid } from '@libs/ddd';
import { AmbientTransaction } from '@libs/platform';
import type { Matcher } from '../../domain/notifications/matcher.js';
import { SilenceRepository } from '../../domain/notifications/notifications.repository.js';
import type { Silence } from '../../domain/notifications/silence.js';

interface SilenceRow {
  readonly id: string;
  readonly project_id: string;
  readonly matchers: Matcher[];
  readonly starts_at: Date;
  readonly ends_at: Date;
  readonly comment: string;
  readonly created_by: string;
  readonly created_at: Date;
}

const COLUMNS = 'id, project_id, matchers, starts_at, ends_at, comment, created_by, created_at';

/** Silences in `monitoring.silences`. */
@Injectable()
export class PostgresSilenceRepository extends SilenceRepository {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  async add(silence: Silence): Promise<void> {
    await this.scope
      .manager()
      .query(`INSERT INTO monitoring.silences (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
        silence.id,
        silence.projectId,
        JSON.stringify(silence.matchers),
        silence.startsAt,
        silence.endsAt,
        silence.comment,
        silence.createdBy,
        silence.createdAt,
      ]);
  }

  async current(projectId: string, at: Date): Promise<Silence[]> {
    const rows: SilenceRow[] = await this.scope
      .manager()
      .query(
        `SELECT ${COLUMNS} FROM monitoring.silences WHERE project_id = $1 AND ends_at > $2 ORDER BY ends_at LIMIT 500`,
        [projectId, at],
      );
    return rows.map((row) => ({
      id: row.id,
      projectId: row.project_id,
      matchers: row.matchers,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      comment: row.comment,
      createdBy: row.created_by,
      createdAt: row.created_at,
    }));
  }

  async expire(projectId: string, id: string, at: Date): Promise<boolean> {
    if (!isUuid(id)) return false;
    // An UPDATE answers [rows, count] through TypeORM's PostgreSQL driver.
    const [, changed] = await this.scope.manager().query<[unknown, number]>(
      `UPDATE monitoring.silences SET ends_at = least(ends_at, greatest(starts_at, $3))
       WHERE project_id = $1 AND id = $2 AND ends_at > $3`,
      [projectId, id, at],
    );
    return changed > 0;
  }
}
