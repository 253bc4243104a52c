import { describe, expect, it } from '@jest/globals';
import { ValidationError } from '@libs/ddd';
import { aRecord, InMemoryPredictionRecords } from '../../../../../test/support/prediction/feedback-fakes.js';
import { ListPredictionsHandler } from './list-predictions.handler.js';

describe('ListPredictionsHandler', () => {
  it('pages through a deployment’s records newest first with an opaque cursor', async () => {
    const records = new InMemoryPredictionRecords();
    const ids = [1, 2, 3, 4, 5].map((n) => `0190a6a0-0000-7000-8000-00000000000${n}`);
    records.add(...ids.map((id, n) => aRecord({ id, createdAt: new Date(Date.UTC(2026, 11, 1, 0, n)) })));
    const handler = new ListPredictionsHandler(records);

    const first = await handler.execute({ deploymentId: 'deployment-1', limit: 2 });
    const second = await handler.execute({ deploymentId: 'deployment-1', limit: 2, cursor: first.nextCursor });
    const third = await handler.execute({ deploymentId: 'deployment-1', limit: 2, cursor: second.nextCursor });

    expect([...first.items, ...second.items, ...third.items].map((record) => record.id)).toEqual([...ids].reverse());
    expect(third.nextCursor).toBeUndefined();
  });

  it('refuses a cursor it did not make', async () => {
    const handler = new ListPredictionsHandler(new InMemoryPredictionRecords());
    await expect(handler.execute({ deploymentId: 'd', limit: 2, cursor: 'not-a-cursor' })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });
});
