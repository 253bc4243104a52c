import { ValidationError, ValueObject } from '@libs/ddd';

interface ThresholdProps {
  readonly kind: 'absolute' | 'relative';
  /** Rows for an absolute threshold, percent of the table's rows for a relative one. */
  readonly value: number;
}

const PATTERN = /^>\s*(\d+(?:\.\d+)?)\s*(%|rows?)?$/;

/**
 * How many failing rows a row-level check tolerates before it warns or fails, as dbt's
 * `warn_if`/`error_if`: `> 10 rows` (absolute) or `> 0.5%` (relative to the rows checked).
 */
export class Threshold extends ValueObject<ThresholdProps> {
  /** The default: any failing row counts. */
  static readonly ANY_ROW = new Threshold({ kind: 'absolute', value: 0 });

  static parse(text: string): Threshold {
    const match = PATTERN.exec(text.trim());
    if (!match) throw invalid(text);
    const value = Number(match[1]);
    if (match[2] === '%') {
      if (value >= 100) throw invalid(text);
      return new Threshold({ kind: 'relative', value });
    }
    if (!Number.isInteger(value)) throw invalid(text);
    return new Threshold({ kind: 'absolute', value });
  }

  get kind(): ThresholdProps['kind'] {
    return this.props.kind;
  }

  get value(): number {
    return this.props.value;
  }

  /** Whether `failing` of `total` rows crosses the threshold; an empty table crosses no relative one. */
  isExceededBy(failing: number, total: number): boolean {
    if (this.props.kind === 'absolute') return failing > this.props.value;
    // Multiplied out, not divided: 3 of 10 rows is exactly 30%, where 3 / 10 * 100 is 30.000000000000004.
    return failing * 100 > this.props.value * total;
  }

  override toString(): string {
    return this.props.kind === 'absolute' ? `> ${this.props.value} rows` : `> ${this.props.value}%`;
  }
}

function invalid(text: string): ValidationError {
  return new ValidationError(
    `Threshold ${JSON.stringify(text)} is not "> N rows" or "> P%" (P under 100)`,
    [{ field: 'threshold', message: 'must look like "> 10 rows" or "> 0.5%"' }],
    'invalid-check',
  );
}
