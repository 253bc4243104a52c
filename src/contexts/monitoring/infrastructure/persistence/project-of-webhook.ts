import { Injectable } from '@nestjs/common';
import { isUuid } from '@libs/ddd';
import { AmbientTransaction } from '@libs/platform';
import { ProjectOfWebhook } from '../../application/ports/project-of-webhook.js';

@Injectable()
export class PostgresProjectOfWebhook extends ProjectOfWebhook {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  async projectOf(webhookId: string): Promise<string | undefined> {
    if (!isUuid(webhookId)) return undefined;
    const rows: { project_id: string }[] = await this.scope
      .manager()
      .query('SELECT project_id FROM monitoring.webhook_subscriptions WHERE id = $1', [webhookId]);
    return rows[0]?.project_id;
  }
}
