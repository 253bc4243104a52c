import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { InMemorySilences } from '../../../../../test/support/monitoring/fake-notification-ports.js';
import { ACTOR, OTHER_PROJECT, PROJECT, SettableClock } from '../../../../../test/support/monitoring/fake-ports.js';
import { createSilence } from '../../domain/notifications/silence.js';
import { ExpireSilenceHandler } from './expire-silence.handler.js';

describe('ExpireSilenceHandler', () => {
  it('ends a silence now, once, and only in its project', async () => {
    const clock = new SettableClock();
    const silences = new InMemorySilences();
    const silence = createSilence({
      projectId: PROJECT,
      matchers: [{ name: 'a', op: '=', value: 'b' }],
      endsAt: new Date(clock.now().getTime() + 60_000),
      createdBy: ACTOR,
      at: clock.now(),
    });
    await silences.add(silence);
    const expiring = new ExpireSilenceHandler(silences, clock);
    await expect(expiring.execute({ projectId: OTHER_PROJECT, silenceId: silence.id })).rejects.toThrow(NotFoundError);
    clock.advance(1000);
    await expiring.execute({ projectId: PROJECT, silenceId: silence.id });
    expect(silences.rows[0].endsAt).toEqual(clock.now());
    await expect(expiring.execute({ projectId: PROJECT, silenceId: silence.id })).rejects.toThrow(NotFoundError);
  });
});
