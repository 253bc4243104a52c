import { Injectable } from '@nestjs/common';
import { AmbientTransaction } from '@libs/platform';
import { ExperimentDecisions, type ExperimentDecision } from '../../application/ports/experiment-decisions.js';
import { ExperimentDecisionOrmEntity } from './experiment-decision.orm-entity.js';

@Injectable()
export class TypeOrmExperimentDecisions extends ExperimentDecisions {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  decided(deploymentId: string, alias: string, toVersionId: string): Promise<boolean> {
    return this.repository().existsBy({ deploymentId, alias, toVersionId });
  }

  async record(decision: ExperimentDecision): Promise<boolean> {
    // The unique (deployment, alias, version) key keeps one decision per result, whoever wrote first.
    const result = await this.repository()
      .createQueryBuilder()
      .insert()
      .values({ ...decision, fromVersionId: decision.fromVersionId ?? null })
      .orIgnore()
      .returning('id')
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  async list(deploymentId: string): Promise<ExperimentDecision[]> {
    const rows = await this.repository().find({ where: { deploymentId }, order: { decidedAt: 'DESC' }, take: 50 });
    return rows.map((row) => ({ ...row, fromVersionId: row.fromVersionId ?? undefined }));
  }

  private repository() {
    return this.scope.manager().getRepository(ExperimentDecisionOrmEntity);
  }
}
