import { describe, expect, it } from '@jest/globals';
import { NotFoundError, ValidationError } from '@libs/ddd';
import {
  aRecord,
  InMemoryPredictionRecords,
  RecordingPredictionLog,
} from '../../../../../test/support/prediction/feedback-fakes.js';
import { FeedbackAlreadyGiven } from '../../domain/feedback/feedback.js';
import { RecordFeedbackHandler } from './record-feedback.handler.js';

const ID = '0190a6a0-0000-7000-8000-0000000000f1';

function arrange() {
  const records = new InMemoryPredictionRecords();
  const log = new RecordingPredictionLog();
  return { records, log, handler: new RecordFeedbackHandler(records, log) };
}

describe('RecordFeedbackHandler', () => {
  it('records a label once and refuses a second feedback with 409', async () => {
    const { records, handler } = arrange();
    records.add(aRecord({ id: ID }));

    await handler.execute({ predictionId: ID, feedback: { label: 'churned' }, actorId: 'u1' });

    expect((await records.find(ID))?.feedback).toEqual({ label: 'churned' });
    await expect(
      handler.execute({ predictionId: ID, feedback: { label: 'stayed' }, actorId: 'u1' }),
    ).rejects.toBeInstanceOf(FeedbackAlreadyGiven);
    expect((await records.find(ID))?.feedback).toEqual({ label: 'churned' });
  });

  it('finds a prediction still waiting in the log buffer by flushing it first', async () => {
    const { records, log, handler } = arrange();
    log.onFlush = () => records.add(aRecord({ id: ID }));

    await handler.execute({ predictionId: ID, feedback: { value: 4.2 }, actorId: 'u1' });

    expect(log.flushed).toBe(1);
    expect((await records.find(ID))?.feedback).toEqual({ value: 4.2 });
  });

  it('answers 404 for a prediction nobody recorded', async () => {
    const { handler } = arrange();
    await expect(handler.execute({ predictionId: ID, feedback: { label: 1 }, actorId: 'u1' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('refuses feedback with neither a label nor a value', async () => {
    const { records, handler } = arrange();
    records.add(aRecord({ id: ID }));
    await expect(handler.execute({ predictionId: ID, feedback: {}, actorId: 'u1' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect((await records.find(ID))?.feedback).toBeNull();
  });
});
