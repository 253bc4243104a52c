import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@libs/ddd';
import { LineageGraphRepository } from '../../domain/lineage/lineage-graph.repository.js';
import type { LineageNodeType } from '../../domain/lineage/lineage-node.js';
import type { FindImpactedModelsQuery, ImpactedModels } from './find-impacted-models.query.js';

const IMPACTED_TYPES: readonly LineageNodeType[] = ['model-version', 'deployment'];

/** Which model versions and deployments used the data a check result is about, at any distance. */
@Injectable()
export class FindImpactedModelsHandler {
  constructor(private readonly graph: LineageGraphRepository) {}

  async execute(query: FindImpactedModelsQuery): Promise<ImpactedModels> {
    const checkResult = await this.graph.find({ type: 'check-result', id: query.checkResultId });
    if (!checkResult) throw new NotFoundError('Check result', query.checkResultId);
    return { checkResult, impacted: await this.graph.downstreamOfType(checkResult, IMPACTED_TYPES) };
  }
}
