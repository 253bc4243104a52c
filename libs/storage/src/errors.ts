import { DomainError } from '@libs/ddd';

export class ObjectNotFoundError extends DomainError {
  readonly type = 'object-not-found';
  readonly kind = 'not-found';
  constructor(readonly key: string) {
    super(`Object ${key} was not found`);
  }
}

/** The body grew past the caller's limit; nothing of it was kept. */
export class ObjectTooLargeError extends DomainError {
  readonly type = 'object-too-large';
  readonly kind = 'too-large';
  constructor(readonly maxBytes: number) {
    super(`The object is larger than the limit of ${maxBytes} bytes`);
  }
}

/** The body ended before (or ran past) the length the caller declared, e.g. a cut-off upload. */
export class ObjectSizeMismatchError extends DomainError {
  readonly type = 'object-size-mismatch';
  readonly kind = 'validation';
  constructor(
    readonly declaredBytes: number,
    readonly receivedBytes: number,
  ) {
    super(`The object was declared as ${declaredBytes} bytes but ${receivedBytes} arrived`);
  }
}

export class InvalidObjectKeyError extends DomainError {
  readonly type = 'invalid-object-key';
  readonly kind = 'validation';
  constructor(key: string, reason: string) {
    super(`Object key ${JSON.stringify(key.slice(0, 200))} is invalid: ${reason}`);
  }
}

/**
 * The requested range starts past the end of the object. Its kind is `validation`
 * because DomainErrorKind has no 416; the HTTP layer should answer 416 for this `type`.
 */
export class RangeNotSatisfiableError extends DomainError {
  readonly type = 'range-not-satisfiable';
  readonly kind = 'validation';
  constructor(readonly size: number) {
    super(`The requested range is not satisfiable for an object of ${size} bytes`);
  }
}

/** A bad argument that is not a key: a page limit, a cursor, a range, an expiry. */
export class InvalidStorageArgumentError extends DomainError {
  readonly type = 'invalid-storage-argument';
  readonly kind = 'validation';
}

/**
 * The object store's circuit breaker is open: S3 failed too often lately, so the call was refused
 * without reaching it. Answers 503 with Retry-After: when the breaker lets a probe through.
 */
export class ObjectStoreUnavailableError extends DomainError {
  readonly type = 'object-store-unavailable';
  readonly kind = 'unavailable';
  constructor(readonly retryAfterSeconds: number) {
    super('The object store is unavailable; retry later');
  }
}
