import { Injectable } from '@nestjs/common';
import { AmbientTransaction } from '@libs/platform';
import { PromotingDeployments } from '../../application/ports/promoting-deployments.js';

@Injectable()
export class SqlPromotingDeployments extends PromotingDeployments {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  async ids(): Promise<string[]> {
    const rows: { id: string }[] = await this.scope
      .manager()
      .query(
        `SELECT id FROM prediction.deployments WHERE (serving->'experiment'->'promote'->>'enabled')::boolean ORDER BY id`,
      );
    return rows.map((row) => row.id);
  }
}
