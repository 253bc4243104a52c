import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@libs/ddd';
import { checkedFeedback, FeedbackAlreadyGiven } from '../../domain/feedback/feedback.js';
import { PredictionLog } from '../ports/prediction-log.js';
import { PredictionRecords } from '../ports/prediction-records.js';
import type { RecordFeedbackCommand } from './record-feedback.command.js';

/** Records the ground truth of a prediction; a second feedback for it is refused (409). */
@Injectable()
export class RecordFeedbackHandler {
  constructor(
    private readonly records: PredictionRecords,
    private readonly log: PredictionLog,
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
  }
}
