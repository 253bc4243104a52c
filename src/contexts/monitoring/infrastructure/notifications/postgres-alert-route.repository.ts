import { Injectable, Logger } from '@nestjs/common';
import { isUuid } from '@libs/ddd';
import {
  AmbientTransaction,
  openableRows,
  OptionalSecretOpener,
  resealColumn,
  SecretCipher,
  type SealedSecretStore,
} from '@libs/platform';
import type { AlertRoute, ListedAlertRoute } from '../../domain/notifications/alert-route.js';
import type { Matcher } from '../../domain/notifications/matcher.js';
import { AlertRouteRepository } from '../../domain/notifications/notifications.repository.js';
import type { ListedReceiver, Receiver } from '../../domain/notifications/receiver.js';
import { listedReceiver, openReceiver, resealedReceiver, sealReceiver } from './sealed-receivers.js';

interface RouteRow {
  readonly id: string;
  readonly project_id: string;
  readonly name: string;
  readonly matchers: Matcher[];
  readonly receivers: Receiver[];
  readonly group_by: string[];
  readonly group_wait_ms: number;
  readonly group_interval_ms: number;
  readonly repeat_interval_ms: number;
  readonly created_by: string;
  readonly created_at: Date;
}

const COLUMNS =
  'id, project_id, name, matchers, receivers, group_by, group_wait_ms, group_interval_ms, repeat_interval_ms, created_by, created_at';

const RECEIVERS_COLUMN = 'monitoring.alert_routes.receivers';
const receiversOf = (id: string): string => `${RECEIVERS_COLUMN}:${id}`;

/** Routes in `monitoring.alert_routes`, their Slack receivers' URLs sealed (docs/adr/0015). */
@Injectable()
export class PostgresAlertRouteRepository extends AlertRouteRepository implements SealedSecretStore {
  readonly name = RECEIVERS_COLUMN;
  private readonly logger = new Logger(PostgresAlertRouteRepository.name);
  private readonly secrets: OptionalSecretOpener;

  constructor(
    private readonly scope: AmbientTransaction,
    private readonly cipher: SecretCipher,
  ) {
    super();
    this.secrets = new OptionalSecretOpener(cipher, this.logger);
  }

  async add(route: AlertRoute): Promise<void> {
    await this.scope
      .manager()
      .query(`INSERT INTO monitoring.alert_routes (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`, [
        route.id,
        route.projectId,
        route.name,
        JSON.stringify(route.matchers),
        JSON.stringify(route.receivers.map((receiver) => sealReceiver(receiver, this.cipher, receiversOf(route.id)))),
        route.groupBy,
        route.groupWaitMs,
        route.groupIntervalMs,
        route.repeatIntervalMs,
        route.createdBy,
        route.createdAt,
      ]);
  }

  async ofProject(projectId: string): Promise<ListedAlertRoute[]> {
    const rows: RouteRow[] = await this.scope
      .manager()
      .query(`SELECT ${COLUMNS} FROM monitoring.alert_routes WHERE project_id = $1 ORDER BY id LIMIT 500`, [projectId]);
    // Read back by the project: a Slack URL no key opens is listed without it rather than failing the list.
    return rows.map((row) => this.routeOf(row, (receiver, boundTo) => listedReceiver(receiver, this.secrets, boundTo)));
  }

  async all(): Promise<AlertRoute[]> {
    const rows: RouteRow[] = await this.scope
      .manager()
      .query(`SELECT ${COLUMNS} FROM monitoring.alert_routes ORDER BY id`);
    // Every project's routes, for the notifier: one that does not open must not silence the others.
    return openableRows(
      rows,
      (row) => this.routeOf(row, (receiver, boundTo) => openReceiver(receiver, this.cipher, boundTo)),
      this.logger,
      'alert route',
    );
  }

  async remove(projectId: string, id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    // A DELETE answers [rows, count] through TypeORM's PostgreSQL driver.
    const [, removed] = await this.scope
      .manager()
      .query<[unknown, number]>('DELETE FROM monitoring.alert_routes WHERE project_id = $1 AND id = $2', [
        projectId,
        id,
      ]);
    return removed > 0;
  }

  /** Routes are never updated, so this is how a route stored before encryption gets sealed. */
  reseal(): Promise<number> {
    return resealColumn<Receiver[]>(this.scope.manager(), {
      table: 'monitoring.alert_routes',
      column: 'receivers',
      type: 'jsonb',
      reseal: (id, receivers) => {
        const resealed = receivers.map((receiver) => resealedReceiver(receiver, this.cipher, receiversOf(id)));
        if (resealed.every((receiver) => receiver === undefined)) return undefined;
        return receivers.map((receiver, index) => resealed[index] ?? receiver);
      },
    });
  }

  private routeOf<Read extends ListedReceiver>(
    row: RouteRow,
    read: (receiver: Receiver, boundTo: string) => Read,
  ): Omit<AlertRoute, 'receivers'> & { readonly receivers: readonly Read[] } {
    return {
      id: row.id,
      projectId: row.project_id,
      name: row.name,
      matchers: row.matchers,
      receivers: row.receivers.map((receiver) => read(receiver, receiversOf(row.id))),
      groupBy: row.group_by,
      groupWaitMs: row.group_wait_ms,
      groupIntervalMs: row.group_interval_ms,
      repeatIntervalMs: row.repeat_interval_ms,
      createdBy: row.created_by,
      createdAt: row.created_at,
    };
  }
}
