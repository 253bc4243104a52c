import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { PredictionHealthFacade } from '@contexts/prediction';
import type { AlertExpr } from '../../domain/alerts/alert-expr.js';
import type { Sample } from '../../domain/alerts/sample.js';

/**
 * Prediction error rate and p99 latency per deployment and variant, asked of the prediction context
 * through its facade (docs/adr/0604). Where this process hosts no prediction context the read fails,
 * and the evaluator keeps the rule's alerts as they are until it can read again.
 */
@Injectable()
export class PredictionSignalReader {
  constructor(private readonly modules: ModuleRef) {}

  async read(expr: AlertExpr, projectId: string | null, since: Date, until: Date): Promise<Sample[]> {
    const health = await this.facade().variantHealth({
      projectId,
      deploymentId: expr.filter.deploymentId,
      variant: expr.filter.variant,
      since,
      until,
    });
    return health.map((variant) => ({
      projectId: variant.projectId,
      labels: { deploymentId: variant.deploymentId, variant: variant.variant },
      value: expr.signal === 'prediction.error_rate' ? variant.errors / variant.requests : variant.p99Seconds,
      lineage: [],
    }));
  }

  private facade(): PredictionHealthFacade {
    try {
      return this.modules.get(PredictionHealthFacade, { strict: false });
    } catch {
      throw new Error('the prediction context is not hosted by this process');
    }
  }
}
