/** Broad kinds the HTTP layer maps to statuses; the domain never speaks HTTP itself. */
export type DomainErrorKind =
  | 'validation'
  | 'not-found'
  | 'conflict'
  | 'forbidden'
  | 'unauthorized'
  | 'precondition-failed'
  | 'too-large'
  | 'unprocessable'
  | 'rate-limited'
  | 'unavailable';

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/**
 * Base of every business-rule failure. `type` is a stable slug that becomes the
 * problem+json `type` URI, so clients may branch on it.
 */
export abstract class DomainError extends Error {
  abstract readonly type: string;
  abstract readonly kind: DomainErrorKind;
  readonly errors?: readonly FieldProblem[];

  constructor(message: string, errors?: readonly FieldProblem[]) {
    super(message);
    this.name = new.target.name;
    this.errors = errors;
  }
}

export class NotFoundError extends DomainError {
  readonly type = 'not-found';
  readonly kind = 'not-found';
  constructor(resource: string, id: string) {
    super(`${resource} ${id} was not found`);
  }
}

export class ConflictError extends DomainError {
  readonly type: string;
  readonly kind = 'conflict';
  constructor(message: string, type = 'conflict') {
    super(message);
    this.type = type;
  }
}

export class ValidationError extends DomainError {
  readonly type: string;
  readonly kind = 'validation';
  constructor(message: string, errors?: readonly FieldProblem[], type = 'validation-failed') {
    super(message, errors);
    this.type = type;
  }
}

export class ForbiddenError extends DomainError {
  readonly type: string;
  readonly kind = 'forbidden';
  constructor(message = 'You may not do this', type = 'forbidden') {
    super(message);
    this.type = type;
  }
}

export class ConcurrencyError extends DomainError {
  readonly type = 'version-mismatch';
  readonly kind = 'precondition-failed';
  constructor(resource: string, id: string) {
    super(`${resource} ${id} was changed by someone else; reload and try again`);
  }
}
