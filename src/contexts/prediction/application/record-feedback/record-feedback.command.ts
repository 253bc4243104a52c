import type { Feedback } from '../../domain/feedback/feedback.js';

/** Ground truth for one prediction, given once. */
export interface RecordFeedbackCommand {
  readonly predictionId: string;
  readonly feedback: Feedback;
  readonly actorId: string;
}
