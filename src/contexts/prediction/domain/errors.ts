import { ConflictError, DomainError, ValidationError } from '@libs/ddd';

export class DeploymentNameTaken extends ConflictError {
  constructor(name: string) {
    super(`The project has a deployment named ${name}`, 'deployment-name-taken');
  }
}

/** A variant names a model version the registry cannot serve: unknown, or without an artifact or a signature. */
export class VersionNotDeployable extends ValidationError {
  constructor(variant: string, reason: string) {
    super(
      `Variant ${variant} cannot be deployed: ${reason}`,
      [{ field: `variants.${variant}.model`, message: reason }],
      'version-not-deployable',
    );
  }
}

/** An inference request that does not fit the model's signature: it never reaches the runtime. */
export class InferenceInputInvalid extends ValidationError {
  constructor(input: string, reason: string) {
    super(`Input ${input} ${reason}`, [{ field: `inputs.${input}`, message: reason }], 'inference-input-invalid');
  }
}

/** The runtime could not answer: a model that fails to load or to run. */
export class ModelRuntimeFailed extends DomainError {
  readonly type = 'model-runtime-failed';
  readonly kind = 'unavailable';
}

/** The model rejected inputs that fit its signature: the signature and the artifact disagree. */
export class InferenceFailed extends DomainError {
  readonly type = 'inference-failed';
  readonly kind = 'unprocessable';
}

/** A remote runtime's breaker is open: the server failed repeatedly, and is not called until a trial call. */
export class RemoteRuntimeCircuitOpen extends DomainError {
  readonly type = 'remote-runtime-circuit-open';
  readonly kind = 'unavailable';
  constructor(
    variant: string,
    /** Seconds until the breaker lets a trial call through: the answer's Retry-After. */
    readonly retryAfterSeconds: number,
  ) {
    super(`Variant ${variant} is not answering; its remote server is not called for now`);
  }
}
