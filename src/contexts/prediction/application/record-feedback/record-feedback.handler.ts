import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@libs/ddd';
import { checkedFeedback, FeedbackAlreadyGiven, labelMatches, type Feedback } from '../../domain/feedback/feedback.js';
import { banditArm, BanditFeedback } from '../ports/bandit-feedback.js';
import { PredictionLog } from '../ports/prediction-log.js';
import { PredictionRecords } from '../ports/prediction-records.js';
import type { RecordFeedbackCommand } from './record-feedback.command.js';

/**
 * Records the ground truth of a prediction; a second feedback for it is refused (409). A label is
 * also counted for Thompson-sampling routing: right or wrong for the arm that answered.
 */
@Injectable()
export class RecordFeedbackHandler {
  constructor(
    private readonly records: PredictionRecords,
    private readonly log: PredictionLog,
    private readonly bandit: BanditFeedback,
  ) {}

  async execute(command: RecordFeedbackCommand): Promise<void> {
    const feedback = checkedFeedback(command.feedback);
    const record = () => this.records.recordFeedback(command.predictionId, feedback, command.actorId, new Date());
    let outcome = await record();
    if (outcome === 'missing') {
      // Feedback may come right after the answer, while its record still waits in this process's buffer.
      await this.log.flush();
      outcome = await record();
    }
    if (outcome === 'missing') throw new NotFoundError('Prediction', command.predictionId);
    if (outcome === 'already-given') throw new FeedbackAlreadyGiven(command.predictionId);
    await this.countForBandit(command.predictionId, feedback);
  }

  /**
   * Counted for every deployment, whatever its mode, so one switched to `bandit` starts from what its
   * variants earned; once per prediction, as the feedback itself.
   */
  private async countForBandit(predictionId: string, feedback: Feedback): Promise<void> {
    if (feedback.label === undefined) return;
    const record = await this.records.find(predictionId);
    if (!record || record.outcome !== 'ok') return;
    const arm = banditArm(record.variant, record.modelVersionId);
    await this.bandit.observe(record.deploymentId, arm, labelMatches(feedback.label, record.predicted));
  }
}
