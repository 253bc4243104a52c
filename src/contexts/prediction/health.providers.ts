import type { Provider, Type } from '@nestjs/common';
import { PredictionHealthFacade } from './contracts/prediction-health.facade.js';
import { VariantHealthReader } from './application/ports/variant-health-reader.js';
import { ReadVariantHealthHandler } from './application/read-variant-health/read-variant-health.handler.js';
import { SqlVariantHealthReader } from './infrastructure/persistence/sql-variant-health-reader.js';
import { LocalPredictionHealthFacade } from './infrastructure/prediction-health.facade.local.js';

/** How deployments serve, for monitoring's alert signals and SLO suggestions (docs/adr/0604). */
export const HEALTH_USE_CASES: Type[] = [ReadVariantHealthHandler];

export const HEALTH_ADAPTERS: Provider[] = [
  { provide: VariantHealthReader, useClass: SqlVariantHealthReader },
  { provide: PredictionHealthFacade, useClass: LocalPredictionHealthFacade },
];
