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
import { WebhookSubscription } from '../../domain/webhooks/webhook-subscription.js';
import {
  WebhookSubscriptionRepository,
  type SubscriptionPage,
} from '../../domain/webhooks/webhook-subscription.repository.js';

interface SubscriptionRow {
  readonly id: string;
  readonly project_id: string;
  readonly url: string;
  readonly event_types: string[];
  readonly description: string;
  readonly active: boolean;
  readonly secret: string;
  readonly created_by: string;
  readonly created_at: Date;
  readonly updated_at: Date;
}

const COLUMNS = 'id, project_id, url, event_types, description, active, secret, created_by, created_at, updated_at';

const SECRET_COLUMN = 'monitoring.webhook_subscriptions.secret';
// Binds a sealed secret to its subscription: copied into another row, it does not open there.
const secretOf = (id: string): string => `${SECRET_COLUMN}:${id}`;

/**
 * Subscriptions in `monitoring.webhook_subscriptions`. Signing secrets are sealed on every write and
 * opened on read (docs/adr/0015); one written in clear before is read as it is and sealed by the next
 * write or by `npm run secrets:reseal`. A subscription whose secret no configured key opens is read
 * without it (and logged), so it can still be shown, changed, rotated or deleted; the fan-out leaves
 * it out.
 */
@Injectable()
export class PostgresWebhookSubscriptionRepository extends WebhookSubscriptionRepository implements SealedSecretStore {
  readonly name = SECRET_COLUMN;
  private readonly logger = new Logger(PostgresWebhookSubscriptionRepository.name);
  private readonly secrets: OptionalSecretOpener;

  constructor(
    private readonly scope: AmbientTransaction,
    private readonly cipher: SecretCipher,
  ) {
    super();
    this.secrets = new OptionalSecretOpener(cipher, this.logger);
  }

  async add(subscription: WebhookSubscription): Promise<void> {
    const s = subscription.snapshot;
    await this.scope
      .manager()
      .query(
        `INSERT INTO monitoring.webhook_subscriptions (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          s.id,
          s.projectId,
          s.url,
          s.eventTypes,
          s.description,
          s.active,
          this.sealed(s.id, s.secret),
          s.createdBy,
          s.createdAt,
          s.updatedAt,
        ],
      );
  }

  async save(subscription: WebhookSubscription): Promise<void> {
    const s = subscription.snapshot;
    // A secret read as unreadable keeps its stored value: restoring its key opens it again.
    await this.scope.manager().query(
      `UPDATE monitoring.webhook_subscriptions
       SET url = $2, event_types = $3, description = $4, active = $5, secret = COALESCE($6, secret), updated_at = $7
       WHERE id = $1`,
      [s.id, s.url, s.eventTypes, s.description, s.active, this.sealed(s.id, s.secret), s.updatedAt],
    );
  }

  async remove(id: string): Promise<void> {
    await this.scope.manager().query('DELETE FROM monitoring.webhook_subscriptions WHERE id = $1', [id]);
  }

  async find(id: string, options?: { lock?: boolean }): Promise<WebhookSubscription | undefined> {
    if (!isUuid(id)) return undefined;
    const lock = options?.lock === true ? ' FOR UPDATE' : '';
    const rows: SubscriptionRow[] = await this.scope
      .manager()
      .query(`SELECT ${COLUMNS} FROM monitoring.webhook_subscriptions WHERE id = $1${lock}`, [id]);
    return rows[0] && this.readable(rows[0]);
  }

  async listOfProject(projectId: string, limit: number, cursor?: string): Promise<SubscriptionPage> {
    const after = cursor !== undefined && isUuid(cursor) ? cursor : '00000000-0000-0000-0000-000000000000';
    const rows: SubscriptionRow[] = await this.scope.manager().query(
      `SELECT ${COLUMNS} FROM monitoring.webhook_subscriptions
       WHERE project_id = $1 AND id > $2 ORDER BY id LIMIT $3`,
      [projectId, after, limit + 1],
    );
    const items = rows.slice(0, limit).map((row) => this.readable(row));
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
  }

  async activeOfProjects(projectIds: readonly string[]): Promise<WebhookSubscription[]> {
    // Payloads are any context's JSON: a project id that is no UUID names no subscription.
    const ids = projectIds.filter(isUuid);
    if (ids.length === 0) return [];
    const rows: SubscriptionRow[] = await this.scope
      .manager()
      .query(`SELECT ${COLUMNS} FROM monitoring.webhook_subscriptions WHERE project_id = ANY($1::uuid[]) AND active`, [
        ids,
      ]);
    // One whose secret does not open is left out: its deliveries could not be signed, and would pile up
    // unsent; it must not hold back the project's other webhooks either.
    return openableRows(
      rows,
      (row) => this.toDomain(row, this.cipher.open(row.secret, secretOf(row.id))),
      this.logger,
      'webhook subscription',
    );
  }

  reseal(): Promise<number> {
    return resealColumn<string>(this.scope.manager(), {
      table: 'monitoring.webhook_subscriptions',
      column: 'secret',
      type: 'text',
      reseal: (id, stored) =>
        this.cipher.needsResealing(stored)
          ? this.cipher.seal(this.cipher.open(stored, secretOf(id)), secretOf(id))
          : undefined,
    });
  }

  private sealed(id: string, secret: string | undefined): string | null {
    return secret === undefined ? null : this.cipher.seal(secret, secretOf(id));
  }

  /** The subscription, without its secret when no configured key opens it. */
  private readable(row: SubscriptionRow): WebhookSubscription {
    return this.toDomain(row, this.secrets.open(row.secret, secretOf(row.id)));
  }

  private toDomain(row: SubscriptionRow, secret: string | undefined): WebhookSubscription {
    return WebhookSubscription.restore({
      id: row.id,
      projectId: row.project_id,
      url: row.url,
      eventTypes: row.event_types,
      description: row.description,
      active: row.active,
      secret,
      createdBy: row.created_by,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    });
  }
}
