import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COMPARISONS, type AlertExpr, type Comparison } from '../../../domain/alerts/alert-expr.js';
import { PLATFORM_SIGNALS, SIGNAL_NAMES, SIGNALS, type SignalName } from '../../../domain/alerts/signal.catalogue.js';

// Only documented here: the domain checks an expression as a whole (which filters and whether a
// window a signal takes, platform signals for global rules only) and names each field it refuses.
const SIGNAL = {
  enum: SIGNAL_NAMES,
  example: 'workflow.failure_rate',
  description: `What the rule watches; ${PLATFORM_SIGNALS.join(', ')} only in global rules`,
};
const WINDOW = { example: '5m', description: 'The window of a windowed signal (30s, 5m, 1h; at most 30d)' };
const FILTER_NAMES = [...new Set(Object.values(SIGNALS).flatMap((signal) => signal.filters))];
const FILTER = {
  type: 'object',
  additionalProperties: { type: 'string' },
  example: { workflowId: '0193a000-0000-7000-8000-000000000001' },
  description: `Narrows the signal by its own ids; each signal takes some of ${FILTER_NAMES.join(', ')}`,
} as const;

export class AlertExprRequest {
  @ApiProperty(SIGNAL) signal!: SignalName;
  @ApiPropertyOptional(WINDOW) window?: string;
  @ApiPropertyOptional(FILTER) filter?: Record<string, string>;
  @ApiProperty({ enum: COMPARISONS }) op!: Comparison;
  @ApiProperty({ example: 0.5 }) threshold!: number;
}

export class AlertExprResponse {
  @ApiProperty(SIGNAL) signal!: SignalName;
  @ApiPropertyOptional(WINDOW) window?: string;
  @ApiProperty(FILTER) filter!: Record<string, string>;
  @ApiProperty({ enum: COMPARISONS }) op!: Comparison;
  @ApiProperty() threshold!: number;

  static of(expr: AlertExpr): AlertExprResponse {
    return {
      signal: expr.signal,
      ...(expr.window === undefined ? {} : { window: expr.window }),
      filter: { ...expr.filter },
      op: expr.op,
      threshold: expr.threshold,
    };
  }
}
