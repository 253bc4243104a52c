import { Inject, Injectable } from '@nestjs/common';
import type { ServedVariant } from '../../application/ports/prediction-metrics.js';
import { PREDICTION_SETTINGS, type PredictionSettings } from '../config/prediction-settings.js';

export interface VariantLabels {
  readonly deployment: string;
  readonly variant: string;
}

const OTHER: VariantLabels = { deployment: 'other', variant: 'other' };

/**
 * The `deployment` (its id: names change and repeat across projects) and `variant` labels of the
 * prediction metrics, bounded (ARCHITECTURE §8): the first `PREDICTION_METRICS_MAX_VARIANTS` pairs a
 * process measures keep their own series, any later pair is counted under `other`, so a project
 * creating deployments without end cannot grow the exposition without end.
 */
@Injectable()
export class BoundedVariantLabels {
  private readonly admitted = new Map<string, VariantLabels>();

  constructor(@Inject(PREDICTION_SETTINGS) private readonly settings: Pick<PredictionSettings, 'metricsMaxVariants'>) {}

  of({ deploymentId, variant }: ServedVariant): VariantLabels {
    const key = `${deploymentId}/${variant}`;
    const known = this.admitted.get(key);
    if (known) return known;
    if (this.admitted.size >= this.settings.metricsMaxVariants) return OTHER;
    const labels = { deployment: deploymentId, variant };
    this.admitted.set(key, labels);
    return labels;
  }
}
