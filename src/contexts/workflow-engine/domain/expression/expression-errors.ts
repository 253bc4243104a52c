import { ValidationError } from '@libs/ddd';

/** An expression that cannot be parsed: reported against the field that holds it. */
export class ExpressionInvalid extends ValidationError {
  constructor(reason: string) {
    super(reason, undefined, 'expression-invalid');
  }
}

/** An expression that parsed but cannot be evaluated against the values it was given (wrong types, bad index). */
export class ExpressionEvaluationFailed extends ValidationError {
  constructor(reason: string) {
    super(reason, undefined, 'expression-evaluation-failed');
  }
}
