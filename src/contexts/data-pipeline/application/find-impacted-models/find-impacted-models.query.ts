import type { LineageNode } from '../../domain/lineage/lineage-node.js';

export interface FindImpactedModelsQuery {
  readonly checkResultId: string;
}

export interface ImpactedModels {
  readonly checkResult: LineageNode;
  /** Model versions and deployments downstream of the data the check was about. */
  readonly impacted: readonly LineageNode[];
}
