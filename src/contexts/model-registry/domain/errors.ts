import { ConflictError, DomainError, ForbiddenError, type FieldProblem } from '@libs/ddd';

/** Four eyes: whoever registered a version or uploaded its artifact may not approve it. */
export class SelfApprovalForbidden extends ForbiddenError {
  constructor() {
    super('The registrant or uploader of a model version cannot approve it', 'self-approval-forbidden');
  }
}

export class ModelNameTaken extends ConflictError {
  constructor(name: string) {
    super(`A model named ${name} already exists in this project`, 'model-name-taken');
  }
}

/** An artifact, once uploaded, is immutable: a version never gets a second one. */
export class ArtifactAlreadyUploaded extends ConflictError {
  constructor(versionId: string) {
    super(`Model version ${versionId} already has its artifact; artifacts are immutable`, 'artifact-already-uploaded');
  }
}

export class VersionStatusConflict extends ConflictError {
  constructor(message: string) {
    super(message, 'model-version-status-conflict');
  }
}

/** Only an approved version may be recorded as served: a SageMaker endpoint must not serve an unreviewed model. */
export class ServingNeedsApproval extends ConflictError {
  constructor(status: string) {
    super(
      `A version in status ${status} cannot be linked to an endpoint; only an Approved version can`,
      'serving-needs-approval',
    );
  }
}

/** Creating an alias that exists: moving it needs If-Match with its version. */
export class AliasExists extends ConflictError {
  constructor(alias: string) {
    super(`Alias ${alias} exists; send If-Match with its version to move it`, 'alias-exists');
  }
}

export class VersionHoldsAlias extends ConflictError {
  constructor(aliases: readonly string[], action: string) {
    super(`The version holds ${aliases.join(', ')}; move those aliases before you ${action} it`, 'version-holds-alias');
  }
}

export class ModelCardFinal extends ConflictError {
  constructor() {
    super('The model card is final and can no longer change', 'model-card-final');
  }
}

/** One rule of a promotion policy (or the alias's protection) that a candidate version fails. */
export interface FailedRule {
  readonly rule: string;
  readonly reason: string;
}

/** The alias may not move to the candidate: every failed rule is listed (as `errors`). */
export class PromotionRefused extends DomainError {
  readonly type = 'promotion-refused';
  readonly kind = 'conflict';
  constructor(
    alias: string,
    readonly failedRules: readonly FailedRule[],
  ) {
    super(
      `The version may not take alias ${alias}: ${failedRules.map((failed) => failed.rule).join(', ')} failed`,
      failedRules.map((failed): FieldProblem => ({ field: failed.rule, message: failed.reason })),
    );
  }
}

/**
 * The object store in use (the filesystem) cannot sign URLs: a conflict with how this server is set
 * up, not a missing resource. The streamed routes still work.
 */
export class PresignedUrlUnavailable extends DomainError {
  readonly type = 'presigned-url-unavailable';
  readonly kind = 'conflict';
  constructor() {
    super(
      'Presigned URLs need the S3 storage driver (STORAGE_DRIVER=s3); this server keeps objects on its ' +
        'filesystem, so upload and download through the API routes instead',
    );
  }
}

/** `complete` names an upload whose bytes never arrived (the URL was not used, or expired unused). */
export class ArtifactUploadMissing extends DomainError {
  readonly type = 'artifact-upload-missing';
  readonly kind = 'conflict';
  constructor(uploadId: string) {
    super(`Nothing was uploaded for upload ${uploadId}: PUT the artifact to its upload URL first`);
  }
}

/** A check of the training data stops the registration (its `blockOn`): each blocking check is listed (as `errors`). */
export class TrainingDataBlocked extends DomainError {
  readonly type = 'training-data-blocked';
  readonly kind = 'conflict';
  constructor(
    blockOn: string,
    checks: readonly {
      readonly datasetVersionId: string;
      readonly checkRunId: string;
      readonly name: string;
      readonly outcome: string;
      readonly observedValue: number | null;
      readonly threshold: string;
    }[],
  ) {
    super(
      `The training data is blocked (blockOn: ${blockOn}) by ${checks.length} of its checks`,
      checks.map((check): FieldProblem => ({
        field: `trainingDatasets.${check.datasetVersionId}`,
        message:
          `"${check.name}" ${check.outcome} (observed ${check.observedValue ?? 'nothing'}, threshold ` +
          `${check.threshold}) in check run ${check.checkRunId}`,
      })),
    );
  }
}

/** Training data must be checked (a `blockOn` other than none) where no data pipeline can answer. */
export class TrainingDataUncheckable extends ConflictError {
  constructor() {
    super(
      'The training data’s checks cannot be read: this process hosts no data pipeline',
      'training-data-uncheckable',
    );
  }
}
