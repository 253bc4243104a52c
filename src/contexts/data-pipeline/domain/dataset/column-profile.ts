/** A value as JSON carries it: numbers, text (dates and timestamps as ISO text), booleans, null. */
export type ProfileValue = string | number | boolean | null;

export interface TopValue {
  readonly value: string;
  readonly count: number;
}

/** Equal-width bins over [min, max]; the last bin includes max. */
export interface HistogramBin {
  readonly lower: number;
  readonly upper: number;
  readonly count: number;
}

export interface Quantiles {
  readonly p05: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p95: number;
}

/**
 * What a version's column holds, measured once when the version is created. Mean, stddev
 * (sample), quantiles (interpolated) and the histogram are for numeric columns and null otherwise.
 */
export interface ColumnProfile {
  readonly name: string;
  readonly type: string;
  readonly nulls: number;
  readonly distinctEstimate: number;
  readonly min: ProfileValue;
  readonly max: ProfileValue;
  readonly mean: number | null;
  readonly stddev: number | null;
  readonly quantiles: Quantiles | null;
  readonly topValues: readonly TopValue[];
  readonly histogram: readonly HistogramBin[] | null;
}

export interface TableProfile {
  readonly rowCount: number;
  readonly columns: readonly ColumnProfile[];
}
