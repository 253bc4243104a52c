import { VariantHealthReader } from '../../../src/contexts/prediction/application/ports/variant-health-reader.js';
import type {
  VariantHealth,
  VariantHealthQuery,
} from '../../../src/contexts/prediction/contracts/prediction-health.facade.js';

/** A health reader that answers planted summaries and remembers what it was asked. */
export class PlantedVariantHealth extends VariantHealthReader {
  readonly asked: VariantHealthQuery[] = [];

  constructor(private readonly planted: readonly VariantHealth[] = []) {
    super();
  }

  read(query: VariantHealthQuery): Promise<VariantHealth[]> {
    this.asked.push(query);
    return Promise.resolve(
      this.planted.filter(
        (health) =>
          (query.projectId === null || health.projectId === query.projectId) &&
          (query.deploymentId === undefined || health.deploymentId === query.deploymentId),
      ),
    );
  }
}
