import { describe, expect, it } from '@jest/globals';
import { InMemorySilences } from '../../../../../test/support/monitoring/fake-notification-ports.js';
import { ACTOR, PROJECT, SettableClock } from '../../../../../test/support/monitoring/fake-ports.js';
import { createSilence } from '../../domain/notifications/silence.js';
import { ListSilencesHandler } from './list-silences.handler.js';

describe('ListSilencesHandler', () => {
  it('answers the silences that have not ended', async () => {
    const clock = new SettableClock();
    const silences = new InMemorySilences();
    const silence = (endsInMs: number) =>
      createSilence({
        projectId: PROJECT,
        matchers: [{ name: 'a', op: '=', value: 'b' }],
        endsAt: new Date(clock.now().getTime() + endsInMs),
        createdBy: ACTOR,
        at: clock.now(),
      });
    const [ending, later] = [silence(1000), silence(60_000)];
    await silences.add(ending);
    await silences.add(later);
    clock.advance(1000);
    expect(await new ListSilencesHandler(silences, clock).execute({ projectId: PROJECT })).toEqual([later]);
  });
});
