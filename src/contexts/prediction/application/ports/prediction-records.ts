import type { Feedback } from '../../domain/feedback/feedback.js';

/** A prediction as the log kept it; `request` and `response` only when it was sampled. */
export interface PredictionRecord {
  readonly id: string;
  readonly projectId: string;
  readonly deploymentId: string;
  readonly variant: string;
  readonly modelVersionId: string;
  readonly outcome: 'ok' | 'failed';
  readonly predicted: unknown;
  readonly latencyMs: number;
  readonly traceId: string | null;
  readonly sampled: boolean;
  readonly request: unknown;
  readonly response: unknown;
  readonly createdAt: Date;
  readonly feedback: Feedback | null;
  readonly feedbackAt: Date | null;
}

export interface PredictionSearch {
  readonly deploymentId: string;
  readonly variant?: string;
  readonly from?: Date;
  readonly to?: Date;
  readonly limit: number;
  /** The last record of the previous page: the next page starts after it (newest first). */
  readonly after?: { readonly createdAt: Date; readonly id: string };
}

/** One variant's traffic and feedback, as the experiment compares them. */
export interface VariantOutcomes {
  readonly variant: string;
  readonly modelVersionId: string;
  readonly predictions: number;
  readonly failed: number;
  readonly meanLatencyMs: number;
  /** Feedback with a label, and of those the ones whose label equals the predicted one (metric accuracy). */
  readonly withFeedback: number;
  readonly correct: number;
  /** Mean and sample variance of |value - predicted| over numeric feedback (metric mae). */
  readonly errorCount: number;
  readonly meanError: number;
  readonly errorVariance: number;
}

/** A labelled feedback in the order it was given, judged right or wrong (the sequential test's input). */
export interface JudgedLabel {
  readonly variant: string;
  readonly modelVersionId: string;
  readonly correct: boolean;
}

export type FeedbackOutcome = 'recorded' | 'already-given' | 'missing';

/** The stored prediction records: search, one feedback each, per-variant outcomes, retention. */
export abstract class PredictionRecords {
  abstract find(id: string): Promise<PredictionRecord | undefined>;
  abstract search(search: PredictionSearch): Promise<PredictionRecord[]>;
  abstract recordFeedback(id: string, feedback: Feedback, by: string, at: Date): Promise<FeedbackOutcome>;
  /** Per variant and version of the deployment (a variant that rolled has a row per version). */
  abstract outcomes(deploymentId: string): Promise<VariantOutcomes[]>;
  /** The deployment's labelled feedback, oldest feedback first. */
  abstract judgedLabels(deploymentId: string): Promise<JudgedLabel[]>;
  /** Deletes the records older than their deployment's retention; answers how many. */
  abstract prune(now: Date): Promise<number>;
}
