import type { AliasPolicy } from '../../domain/model/registered-model.js';

export interface SetPromotionPolicyCommand {
  readonly modelId: string;
  readonly alias: string;
  readonly policy: AliasPolicy;
  readonly expectedVersion?: number;
}
