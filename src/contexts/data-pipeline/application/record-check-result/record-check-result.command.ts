import type { CheckResultInLineage } from '../services/check-result-lineage.js';

/**
 * A check of a suite ran against a dataset version (the suite runner records it; docs/adr/0402):
 * exactly the entry the lineage keeps, which the suite runner's own recording shares.
 */
export type RecordCheckResultCommand = CheckResultInLineage;
