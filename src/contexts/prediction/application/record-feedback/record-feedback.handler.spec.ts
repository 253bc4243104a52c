import { describe, expect, it } from '@jest/globals';
import { NotFoundError, ValidationError } from '@libs/ddd';
import {
  aRecord,
  InMemoryBanditFeedback,
  InMemoryPredictionRecords,
  RecordingPredictionLog,
} from '../../../../../test/support/prediction/feedback-fakes.js';
import { FeedbackAlreadyGiven } from '../../domain/feedback/feedback.js';
import { RecordFeedbackHandler } from './record-feedback.handler.js';

const ID = '0190a6a0-0000-7000-8000-0000000000f1';

function arrange() {
  const records = new InMemoryPredictionRecords();
  const log = new RecordingPredictionLog();
  const bandit = new InMemoryBanditFeedback();
  return { records, log, bandit, handler: new RecordFeedbackHandler(records, log, bandit) };
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

  it('counts a label for the arm that answered: right when it equals the prediction as a value or as text', async () => {
    const { records, bandit, handler } = arrange();
    const ids = ['0190a6a0-0000-7000-8000-0000000000a1', '0190a6a0-0000-7000-8000-0000000000a2'];
    const third = '0190a6a0-0000-7000-8000-0000000000a3';
    records.add(
      aRecord({ id: ids[0], variant: 'b', modelVersionId: 'version-b', predicted: 1 }),
      aRecord({ id: ids[1], variant: 'b', modelVersionId: 'version-b', predicted: 'churned' }),
      aRecord({ id: third, variant: 'b', modelVersionId: 'version-b', predicted: 0 }),
    );

    await handler.execute({ predictionId: ids[0], feedback: { label: '1' }, actorId: 'u1' });
    await handler.execute({ predictionId: ids[1], feedback: { label: 'churned' }, actorId: 'u1' });
    await handler.execute({ predictionId: third, feedback: { label: 1 }, actorId: 'u1' });
    await expect(
      handler.execute({ predictionId: third, feedback: { label: 0 }, actorId: 'u1' }),
    ).rejects.toBeInstanceOf(FeedbackAlreadyGiven);

    expect((await bandit.read('deployment-1')).get('b/version-b')).toEqual({ successes: 2, failures: 1 });
  });

  it('counts neither a value nor feedback on a failed answer for the bandit', async () => {
    const { records, bandit, handler } = arrange();
    const failed = '0190a6a0-0000-7000-8000-0000000000b1';
    records.add(aRecord({ id: ID }), aRecord({ id: failed, outcome: 'failed', predicted: null }));

    await handler.execute({ predictionId: ID, feedback: { value: 3 }, actorId: 'u1' });
    await handler.execute({ predictionId: failed, feedback: { label: 1 }, actorId: 'u1' });

    expect((await bandit.read('deployment-1')).size).toBe(0);
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
