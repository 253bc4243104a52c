import type { VariantHealth, VariantHealthQuery } from '../../contracts/prediction-health.facade.js';

/** Port: error counts and latency percentiles of the recorded primary answers, per deployment and variant. */
export abstract class VariantHealthReader {
  abstract read(query: VariantHealthQuery): Promise<VariantHealth[]>;
}
