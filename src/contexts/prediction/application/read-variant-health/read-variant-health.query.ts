import type { VariantHealthQuery } from '../../contracts/prediction-health.facade.js';

/** The window and scope of the summary: the facade's query, as the use case takes it. */
export type ReadVariantHealthQuery = VariantHealthQuery;
