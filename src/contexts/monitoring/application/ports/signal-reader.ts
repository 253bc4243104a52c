import type { AlertExpr } from '../../domain/alerts/alert-expr.js';
import type { Sample } from '../../domain/alerts/sample.js';

/** Port: the series of a signal at `at`, for one project's rule or, for null, a global rule. */
export abstract class SignalReader {
  abstract read(expr: AlertExpr, projectId: string | null, at: Date): Promise<Sample[]>;
}
