import type { BlockingChecksQuery } from '../../contracts/dataset-quality.facade.js';

/** The checks that stop a consumer of these versions (docs/adr/0403). */
export type FindBlockingChecksQuery = BlockingChecksQuery;
