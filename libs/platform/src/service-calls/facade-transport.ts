import { DomainError, type DomainErrorKind, type FieldProblem } from '@libs/ddd';
import { API_PREFIX } from '../http/create-app.js';

/** One call of a facade's method on the process hosting its context. */
export interface FacadeCall {
  /** The owning context, as the service registry lists it (`model-registry`). */
  readonly context: string;
  /** The method, in kebab case (`resolve-alias`): the last segment of its internal route. */
  readonly operation: string;
  readonly args: readonly unknown[];
  /** A read, or a call whose repetition changes nothing: only these are retried on another instance. */
  readonly idempotent: boolean;
}

/**
 * How a facade's HTTP binding reaches the process hosting its context (docs/adr/0704). The
 * api-gateway context provides it in every process; a context's HTTP binding only names its calls.
 */
export abstract class FacadeTransport {
  /** The method's result; undefined when the owner answered that there is none (404). */
  abstract call<T>(call: FacadeCall): Promise<T | undefined>;
}

/** The internal route of a facade method: under the API prefix, left out of every OpenAPI document. */
export function facadeOperationPath(context: string, operation: string): string {
  return `/${API_PREFIX}/${FACADE_ROUTE_PREFIX}/${context}/${operation}`;
}

export const FACADE_ROUTE_PREFIX = 'internal/facades';

/** The owning context could not be asked: no instance hosts it, its instances fail, or the call was refused as unsigned. */
export class FacadeUnavailable extends DomainError {
  readonly type = 'facade-unavailable';
  readonly kind = 'unavailable';

  /** `retryAfterSeconds`: when the owner's open breakers let a probe through, the answer's Retry-After. */
  constructor(
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/**
 * The owner's facade refused the call with a domain error: the same slug and kind here, so this
 * process answers its own client as the owner would have (a 404 stays a 404, a 409 a 409).
 */
export class RemoteFacadeRefusal extends DomainError {
  constructor(
    readonly type: string,
    readonly kind: DomainErrorKind,
    message: string,
    errors?: readonly FieldProblem[],
  ) {
    super(message, errors);
  }
}
