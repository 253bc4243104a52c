import { AggregateRoot, newId, ValidationError } from '@libs/ddd';
import {
  ArtifactAlreadyUploaded,
  SelfApprovalForbidden,
  ServingNeedsApproval,
  VersionStatusConflict,
} from '../errors.js';
import { checkedDescription, checkedTags, type Tags } from '../labels.js';
import { checkedSignature, EMPTY_SIGNATURE, type ModelSignature } from './signature.js';
import type {
  ApprovalDecision,
  ApprovalDecisionValue,
  Artifact,
  Framework,
  ModelVersionStatus,
  SageMakerServing,
  TrainingDataset,
  VersionSource,
} from './model-version-status.js';
import { checkedServing, checkedTrainingData } from './version-facts.js';
import { checkedParams, type Params } from './version-params.js';

export type Metrics = Readonly<Record<string, number>>;

export interface ModelVersionState {
  readonly id: string;
  readonly modelId: string;
  readonly projectId: string;
  readonly number: number;
  readonly framework: Framework;
  readonly signature: ModelSignature;
  readonly params: Params;
  readonly metrics: Metrics;
  readonly tags: Tags;
  readonly description: string;
  readonly source?: VersionSource;
  readonly trainingDatasets: readonly TrainingDataset[];
  readonly status: ModelVersionStatus;
  readonly artifact?: Artifact;
  readonly approvals: readonly ApprovalDecision[];
  readonly serving?: SageMakerServing;
  readonly registeredBy: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export type NewModelVersion = Pick<
  ModelVersionState,
  'modelId' | 'projectId' | 'number' | 'framework' | 'registeredBy'
> &
  Partial<
    Pick<ModelVersionState, 'signature' | 'params' | 'metrics' | 'tags' | 'description' | 'source' | 'trainingDatasets'>
  >;

export interface DecisionInput {
  readonly decision: ApprovalDecisionValue;
  readonly comment: string;
  readonly actorId: string;
  readonly selfApprovalAllowed: boolean;
  readonly at: Date;
}

const DECIDABLE: readonly ModelVersionStatus[] = ['PendingManualApproval', 'Approved', 'Rejected'];

/** One numbered version of a registered model: what was trained, its artifact, and its review. */
export class ModelVersion extends AggregateRoot {
  private constructor(
    private state: ModelVersionState,
    version: number,
  ) {
    super(state.id, version);
  }

  static register(input: NewModelVersion, now = new Date()): ModelVersion {
    const metrics = input.metrics ?? {};
    if (!Object.values(metrics).every((value) => typeof value === 'number' && Number.isFinite(value))) {
      throw new ValidationError('Metrics must be finite numbers', [
        { field: 'metrics', message: 'finite numbers only' },
      ]);
    }
    return new ModelVersion(
      {
        ...input,
        id: newId(),
        signature: input.signature ? checkedSignature(input.signature) : EMPTY_SIGNATURE,
        params: checkedParams(input.params ?? {}),
        metrics: { ...metrics },
        tags: checkedTags(input.tags ?? {}),
        description: checkedDescription(input.description ?? ''),
        trainingDatasets: checkedTrainingData(input.trainingDatasets ?? []),
        status: 'PendingArtifact',
        approvals: [],
        createdAt: now,
        updatedAt: now,
      },
      0,
    );
  }

  static restore(state: ModelVersionState, version: number): ModelVersion {
    return new ModelVersion(state, version);
  }

  get snapshot(): ModelVersionState {
    return this.state;
  }
  get modelId(): string {
    return this.state.modelId;
  }
  get projectId(): string {
    return this.state.projectId;
  }
  get status(): ModelVersionStatus {
    return this.state.status;
  }
  get artifact(): Artifact | undefined {
    return this.state.artifact;
  }

  /** Lineage is complete when the producing run and task and the training data are known. */
  get lineageComplete(): boolean {
    return this.state.source !== undefined && this.state.trainingDatasets.length > 0;
  }

  /** The artifact arrives once; with it the version waits for a reviewer. */
  attachArtifact(artifact: Artifact): void {
    this.ensureAcceptsArtifact();
    this.change({ artifact, status: 'PendingManualApproval' }, artifact.uploadedAt);
  }

  /** Checked before an upload streams a byte, and again when it commits. */
  ensureAcceptsArtifact(): void {
    if (this.state.artifact) throw new ArtifactAlreadyUploaded(this.id);
    if (this.state.status === 'Archived') throw new VersionStatusConflict('An archived version takes no artifact');
  }

  decide(input: DecisionInput): ApprovalDecision {
    if (!DECIDABLE.includes(this.state.status)) {
      throw new VersionStatusConflict(`A version in status ${this.state.status} cannot be reviewed`);
    }
    if (this.state.status === input.decision) {
      throw new VersionStatusConflict(`The version is already ${input.decision}`);
    }
    const producedIt = input.actorId === this.state.registeredBy || input.actorId === this.state.artifact?.uploadedBy;
    if (input.decision === 'Approved' && producedIt && !input.selfApprovalAllowed) throw new SelfApprovalForbidden();
    const decision: ApprovalDecision = {
      id: newId(),
      decision: input.decision,
      comment: checkedDescription(input.comment, 'comment'),
      decidedBy: input.actorId,
      decidedAt: input.at,
    };
    this.change({ status: input.decision, approvals: [...this.state.approvals, decision] }, input.at);
    return decision;
  }

  archive(at: Date): void {
    if (this.state.status === 'Archived') throw new VersionStatusConflict('The version is already archived');
    this.change({ status: 'Archived' }, at);
  }

  /** Records the endpoint variant serving an approved version; forgetting the link is always allowed. */
  linkServing(serving: SageMakerServing | undefined, at: Date): void {
    const checked = serving && checkedServing(serving);
    if (checked && this.state.status !== 'Approved') throw new ServingNeedsApproval(this.state.status);
    this.change({ serving: checked }, at);
  }

  private change(changes: Partial<ModelVersionState>, at: Date): void {
    this.state = { ...this.state, ...changes, updatedAt: at };
  }
}
