import { describe, expect, it } from '@jest/globals';
import { InMemorySilences } from '../../../../../test/support/monitoring/fake-notification-ports.js';
import { ACTOR, PROJECT, SettableClock } from '../../../../../test/support/monitoring/fake-ports.js';
import { SilenceInvalid } from '../../domain/alerts/errors.js';
import { CreateSilenceHandler } from './create-silence.handler.js';

describe('CreateSilenceHandler', () => {
  const matchers = [{ name: 'alertname', op: '=', value: 'x' }];

  it('stores a silence starting now unless told', async () => {
    const clock = new SettableClock();
    const silences = new InMemorySilences();
    const endsAt = new Date(clock.now().getTime() + 60_000);
    const silence = await new CreateSilenceHandler(silences, clock).execute({
      projectId: PROJECT,
      matchers,
      endsAt,
      actorId: ACTOR,
    });
    expect(silence).toMatchObject({ startsAt: clock.now(), endsAt, comment: '', createdBy: ACTOR });
    expect(silences.rows).toEqual([silence]);
  });

  it('refuses no matchers and a window that ends before it starts', async () => {
    const clock = new SettableClock();
    const silencing = new CreateSilenceHandler(new InMemorySilences(), clock);
    const endsAt = new Date(clock.now().getTime() + 60_000);
    await expect(silencing.execute({ projectId: PROJECT, matchers: [], endsAt, actorId: ACTOR })).rejects.toThrow(
      SilenceInvalid,
    );
    await expect(
      silencing.execute({ projectId: PROJECT, matchers, endsAt: clock.now(), actorId: ACTOR }),
    ).rejects.toThrow(/endsAt/);
  });
});
