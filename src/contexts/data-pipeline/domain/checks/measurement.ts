import type { ObservedColumn } from '../schema/schema-comparison.js';
import type { FailingRows } from './check-result.js';
import type { BinCounts } from './drift-statistics.js';

/** What an engine measured for one check; the domain turns it into a verdict (`judgeCheck`). */
export type Measurement =
  | { readonly kind: 'rows'; readonly totalRows: number; readonly failing: FailingRows }
  | { readonly kind: 'row_count'; readonly rowCount: number }
  | { readonly kind: 'schema'; readonly observed: readonly ObservedColumn[] }
  | { readonly kind: 'freshness'; readonly latest: Date | null; readonly at: Date }
  | { readonly kind: 'psi'; readonly bins: readonly BinCounts[] }
  | {
      readonly kind: 'ks';
      readonly statistic: number | null;
      readonly currentCount: number;
      readonly referenceCount: number;
    }
  /** The check could not be run against this table (a column it names is missing, its expression does not bind). */
  | { readonly kind: 'unmeasurable'; readonly reason: string };
