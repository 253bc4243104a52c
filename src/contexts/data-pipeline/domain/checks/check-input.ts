import type { DatasetSchemaProps } from '../schema/dataset-schema.js';
import type { Check, CheckLiteral, Severity } from './check.js';

type Input<TCheck extends Check> = Omit<TCheck, 'severity' | 'threshold' | 'schema'> & {
  /** `error` unless said otherwise. */
  readonly severity?: Severity;
};
type RowInput<TCheck extends Check> = Input<TCheck> & {
  /** `> 10 rows` or `> 0.5%`; any failing row by default. */
  readonly threshold?: string;
};

/** A check as a user writes it: thresholds as text, defaults left out. `defineCheck` validates it. */
export type CheckInput =
  | RowInput<Extract<Check, { kind: 'not_null' }>>
  | RowInput<Extract<Check, { kind: 'unique' }>>
  | (RowInput<Extract<Check, { kind: 'accepted_values' }>> & { readonly values: readonly CheckLiteral[] })
  | RowInput<Extract<Check, { kind: 'between' }>>
  | RowInput<Extract<Check, { kind: 'regex' }>>
  | RowInput<Extract<Check, { kind: 'relationships' }>>
  | RowInput<Extract<Check, { kind: 'custom_sql' }>>
  | Input<Extract<Check, { kind: 'row_count_between' }>>
  | (Omit<Input<Extract<Check, { kind: 'schema' }>>, 'allowAdditiveColumns'> & {
      readonly schema: DatasetSchemaProps;
      readonly allowAdditiveColumns?: boolean;
    })
  | Input<Extract<Check, { kind: 'freshness' }>>
  | (Omit<Input<Extract<Check, { kind: 'psi_drift' }>>, 'bins' | 'binning'> & {
      readonly binning?: 'categorical' | 'quantiles';
      readonly bins?: number;
    })
  | Input<Extract<Check, { kind: 'ks_drift' }>>;
