import { Injectable } from '@nestjs/common';
import { AmbientTransaction } from '@libs/platform';
import type { NotificationGroupState } from '../../domain/notifications/notification-group.js';
import { NotificationGroupRepository } from '../../domain/notifications/notifications.repository.js';

interface GroupRow {
  readonly group_key: string;
  readonly first_seen_at: Date;
  readonly last_notified_at: Date | null;
  readonly notified_firing: string[];
}

/** Group states in `monitoring.alert_groups`; a route's lock is a transaction-scoped advisory lock. */
@Injectable()
export class PostgresNotificationGroupRepository extends NotificationGroupRepository {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  async lockRoute(routeId: string): Promise<boolean> {
    // The second key keeps these locks apart from any other advisory lock on the same hash.
    const [row] = await this.scope
      .manager()
      .query<{ locked: boolean }[]>(
        "SELECT pg_try_advisory_xact_lock(hashtext('monitoring.alert_routes'), hashtext($1)) AS locked",
        [routeId],
      );
    return row.locked;
  }

  async ofRoute(routeId: string): Promise<Map<string, NotificationGroupState>> {
    const rows: GroupRow[] = await this.scope.manager().query(
      `SELECT group_key, first_seen_at, last_notified_at, notified_firing
       FROM monitoring.alert_groups WHERE route_id = $1`,
      [routeId],
    );
    return new Map(
      rows.map((row) => [
        row.group_key,
        { firstSeenAt: row.first_seen_at, lastNotifiedAt: row.last_notified_at, notifiedFiring: row.notified_firing },
      ]),
    );
  }

  async save(routeId: string, groupKey: string, state: NotificationGroupState): Promise<void> {
    await this.scope.manager().query(
      `INSERT INTO monitoring.alert_groups (route_id, group_key, first_seen_at, last_notified_at, notified_firing)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (route_id, group_key)
       DO UPDATE SET last_notified_at = $4, notified_firing = $5`,
      [routeId, groupKey, state.firstSeenAt, state.lastNotifiedAt, state.notifiedFiring],
    );
  }

  async forget(routeId: string, groupKey: string): Promise<void> {
    await this.scope
      .manager()
      .query('DELETE FROM monitoring.alert_groups WHERE route_id = $1 AND group_key = $2', [routeId, groupKey]);
  }
}
