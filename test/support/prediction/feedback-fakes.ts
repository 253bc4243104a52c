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
  type JudgedLabel,
  type PredictionRecord,
  type PredictionSearch,
  type VariantOutcomes,
} from '../../../src/contexts/prediction/application/ports/prediction-records.js';
import { BanditFeedback } from '../../../src/contexts/prediction/application/ports/bandit-feedback.js';
import type { ArmFeedback } from '../../../src/contexts/prediction/domain/routing/thompson-sampling.js';
import { PromotingDeployments } from '../../../src/contexts/prediction/application/ports/promoting-deployments.js';
import { labelMatches, type Feedback } from '../../../src/contexts/prediction/domain/feedback/feedback.js';

/** Keeps what it is given; `flushed` counts the flushes asked for. */
export class RecordingPredictionLog extends PredictionLog {
  readonly recorded: AnsweredPrediction[] = [];
  flushed = 0;
  /** Runs on flush: a test moves waiting records to the store here. */
  onFlush: () => void = () => undefined;

  record(prediction: AnsweredPrediction): void {
    this.recorded.push(prediction);
  }

  flush(): Promise<void> {
    this.flushed++;
    this.onFlush();
    return Promise.resolve();
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

  find(id: string): Promise<PredictionRecord | undefined> {
    return Promise.resolve(this.records.get(id));
  }

  search(search: PredictionSearch): Promise<PredictionRecord[]> {
    const found = [...this.records.values()]
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
    return Promise.resolve(found);
  }

  recordFeedback(id: string, feedback: Feedback, _by: string, at: Date): Promise<FeedbackOutcome> {
    const record = this.records.get(id);
    if (!record) return Promise.resolve('missing');
    if (record.feedback) return Promise.resolve('already-given');
    this.records.set(id, { ...record, feedback, feedbackAt: at });
    return Promise.resolve('recorded');
  }

  outcomes(deploymentId: string): Promise<VariantOutcomes[]> {
    return Promise.resolve(this.outcomesByDeployment.get(deploymentId) ?? []);
  }

  /** Labelled feedback judged as the SQL does (`labelMatches`), in the order it was given. */
  judgedLabels(deploymentId: string): Promise<JudgedLabel[]> {
    return Promise.resolve(
      [...this.records.values()]
        .filter((record) => record.deploymentId === deploymentId && record.feedback?.label !== undefined)
        .sort((a, b) => a.feedbackAt!.getTime() - b.feedbackAt!.getTime() || a.id.localeCompare(b.id))
        .map((record) => ({
          variant: record.variant,
          modelVersionId: record.modelVersionId,
          correct: labelMatches(record.feedback!.label, record.predicted),
        })),
    );
  }

  prune(_now: Date): Promise<number> {
    return Promise.resolve(0);
  }
}

export class InMemoryExperimentDecisions extends ExperimentDecisions {
  readonly decisions: ExperimentDecision[] = [];

  decided(deploymentId: string, alias: string, toVersionId: string): Promise<boolean> {
    return Promise.resolve(
      this.decisions.some(
        (decision) =>
          decision.deploymentId === deploymentId && decision.alias === alias && decision.toVersionId === toVersionId,
      ),
    );
  }

  async record(decision: ExperimentDecision): Promise<boolean> {
    if (await this.decided(decision.deploymentId, decision.alias, decision.toVersionId)) return false;
    this.decisions.push(decision);
    return true;
  }

  list(deploymentId: string): Promise<ExperimentDecision[]> {
    return Promise.resolve(this.decisions.filter((decision) => decision.deploymentId === deploymentId));
  }
}

/** An alias registry of its own: moves unless told to refuse, and remembers every request. */
export class ScriptedAliasPromotion extends AliasPromotion {
  readonly aliases = new Map<string, string>();
  readonly requests: AliasPromotionRequest[] = [];
  refusal: string | undefined;

  promote(request: AliasPromotionRequest): Promise<AliasPromotionOutcome> {
    this.requests.push(request);
    if (this.refusal) return Promise.resolve({ outcome: 'refused', reason: this.refusal });
    this.aliases.set(`${request.modelName}@${request.alias}`, request.versionId);
    return Promise.resolve({ outcome: 'moved' });
  }

  current(_projectId: string, modelName: string, alias: string): Promise<string | undefined> {
    return Promise.resolve(this.aliases.get(`${modelName}@${alias}`));
  }
}

export class ListedPromotingDeployments extends PromotingDeployments {
  constructor(readonly listed: string[] = []) {
    super();
  }

  ids(): Promise<string[]> {
    return Promise.resolve(this.listed);
  }
}

/** Counts in memory, as the Redis hash does: per deployment, per arm. */
export class InMemoryBanditFeedback extends BanditFeedback {
  readonly arms = new Map<string, Map<string, ArmFeedback>>();

  observe(deploymentId: string, arm: string, success: boolean): Promise<void> {
    const arms = this.arms.get(deploymentId) ?? new Map<string, ArmFeedback>();
    const held = arms.get(arm) ?? { successes: 0, failures: 0 };
    arms.set(arm, success ? { ...held, successes: held.successes + 1 } : { ...held, failures: held.failures + 1 });
    this.arms.set(deploymentId, arms);
    return Promise.resolve();
  }

  read(deploymentId: string): Promise<ReadonlyMap<string, ArmFeedback>> {
    return Promise.resolve(new Map(this.arms.get(deploymentId)));
  }
}
