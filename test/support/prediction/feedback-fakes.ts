import {
  AliasPromotion,
  type AliasPromotionOutcome,
  type AliasPromotionRequest,
} from '../../../src/contexts/prediction/application/ports/alias-promotion.js';
import {
  ExperimentDecisions,
  type ExperimentDecision,
} from '../../../src/contexts/prediction/application/ports/experiment-decisions.js';
import {
  PredictionLog,
  type AnsweredPrediction,
} from '../../../src/contexts/prediction/application/ports/prediction-log.js';
import {
  PredictionRecords,
  type FeedbackOutcome,
  type PredictionRecord,
  type PredictionSearch,
  type VariantOutcomes,
} from '../../../src/contexts/prediction/application/ports/prediction-records.js';
import { PromotingDeployments } from '../../../src/contexts/prediction/application/ports/promoting-deployments.js';
import type { Feedback } from '../../../src/contexts/prediction/domain/feedback/feedback.js';

/** Keeps what it is given; `flushed` counts the flushes asked for. */
export class RecordingPredictionLog extends PredictionLog {
  readonly recorded: AnsweredPrediction[] = [];
  flushed = 0;
  /** Runs on flush: a test moves waiting records to the store here. */
  onFlush: () => void = () => undefined;

  record(prediction: AnsweredPrediction): void {
    this.recorded.push(prediction);
  }

  async flush(): Promise<void> {
    this.flushed++;
    this.onFlush();
  }
}

export function aRecord(overrides: Partial<PredictionRecord> & { id: string }): PredictionRecord {
  return {
    projectId: 'project-1',
    deploymentId: 'deployment-1',
    variant: 'a',
    modelVersionId: 'version-a',
    outcome: 'ok',
    predicted: 1,
    latencyMs: 1,
    traceId: null,
    sampled: false,
    request: null,
    response: null,
    createdAt: new Date('2026-12-01T00:00:00Z'),
    feedback: null,
    feedbackAt: null,
    ...overrides,
  };
}

export class InMemoryPredictionRecords extends PredictionRecords {
  readonly records = new Map<string, PredictionRecord>();
  outcomesByDeployment = new Map<string, VariantOutcomes[]>();

  add(...records: PredictionRecord[]): void {
    for (const record of records) this.records.set(record.id, record);
  }

  async find(id: string): Promise<PredictionRecord | undefined> {
    return this.records.get(id);
  }

  async search(search: PredictionSearch): Promise<PredictionRecord[]> {
    return [...this.records.values()]
      .filter((record) => record.deploymentId === search.deploymentId)
      .filter((record) => search.variant === undefined || record.variant === search.variant)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id))
      .filter(
        (record) =>
          !search.after ||
          record.createdAt < search.after.createdAt ||
          (record.createdAt.getTime() === search.after.createdAt.getTime() && record.id < search.after.id),
      )
      .slice(0, search.limit);
  }

  async recordFeedback(id: string, feedback: Feedback, _by: string, at: Date): Promise<FeedbackOutcome> {
    const record = this.records.get(id);
    if (!record) return 'missing';
    if (record.feedback) return 'already-given';
    this.records.set(id, { ...record, feedback, feedbackAt: at });
    return 'recorded';
  }

  async outcomes(deploymentId: string): Promise<VariantOutcomes[]> {
    return this.outcomesByDeployment.get(deploymentId) ?? [];
  }

  async prune(): Promise<number> {
    return 0;
  }
}

export class InMemoryExperimentDecisions extends ExperimentDecisions {
  readonly decisions: ExperimentDecision[] = [];

  async decided(deploymentId: string, alias: string, toVersionId: string): Promise<boolean> {
    return this.decisions.some(
      (decision) =>
        decision.deploymentId === deploymentId && decision.alias === alias && decision.toVersionId === toVersionId,
    );
  }

  async record(decision: ExperimentDecision): Promise<boolean> {
    if (await this.decided(decision.deploymentId, decision.alias, decision.toVersionId)) return false;
    this.decisions.push(decision);
    return true;
  }

  async list(deploymentId: string): Promise<ExperimentDecision[]> {
    return this.decisions.filter((decision) => decision.deploymentId === deploymentId);
  }
}

/** An alias registry of its own: moves unless told to refuse, and remembers every request. */
export class ScriptedAliasPromotion extends AliasPromotion {
  readonly aliases = new Map<string, string>();
  readonly requests: AliasPromotionRequest[] = [];
  refusal: string | undefined;

  async promote(request: AliasPromotionRequest): Promise<AliasPromotionOutcome> {
    this.requests.push(request);
    if (this.refusal) return { outcome: 'refused', reason: this.refusal };
    this.aliases.set(`${request.modelName}@${request.alias}`, request.versionId);
    return { outcome: 'moved' };
  }

  async current(_projectId: string, modelName: string, alias: string): Promise<string | undefined> {
    return this.aliases.get(`${modelName}@${alias}`);
  }
}

export class ListedPromotingDeployments extends PromotingDeployments {
  constructor(readonly listed: string[] = []) {
    super();
  }

  async ids(): Promise<string[]> {
    return this.listed;
  }
}
