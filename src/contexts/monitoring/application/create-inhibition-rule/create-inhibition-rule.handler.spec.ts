import { describe, expect, it } from '@jest/globals';
import { InMemoryInhibitionRules } from '../../../../../test/support/monitoring/fake-notification-ports.js';
import { ACTOR, PROJECT, SettableClock } from '../../../../../test/support/monitoring/fake-ports.js';
import { InhibitionRuleInvalid } from '../../domain/notifications/inhibition-rule.js';
import { CreateInhibitionRuleHandler } from './create-inhibition-rule.handler.js';

describe('CreateInhibitionRuleHandler', () => {
  const matchers = (value: string) => [{ name: 'severity', op: '=', value }];

  it('stores a rule with its equal labels once each', async () => {
    const rules = new InMemoryInhibitionRules();
    const rule = await new CreateInhibitionRuleHandler(rules, new SettableClock()).execute({
      projectId: PROJECT,
      sourceMatchers: matchers('critical'),
      targetMatchers: matchers('warning'),
      equal: ['team', 'team'],
      actorId: ACTOR,
    });
    expect(rule).toMatchObject({ equal: ['team'], createdBy: ACTOR });
    expect(rules.rows).toEqual([rule]);
  });

  it('refuses bad label names in equal', async () => {
    const creating = new CreateInhibitionRuleHandler(new InMemoryInhibitionRules(), new SettableClock()).execute({
      projectId: PROJECT,
      sourceMatchers: matchers('critical'),
      targetMatchers: matchers('warning'),
      equal: ['not-a-label'],
      actorId: ACTOR,
    });
    await expect(creating).rejects.toThrow(InhibitionRuleInvalid);
  });
});
