import { describe, expect, it } from '@jest/globals';
import { InMemoryInhibitionRules } from '../../../../../test/support/monitoring/fake-notification-ports.js';
import { ACTOR, OTHER_PROJECT, PROJECT } from '../../../../../test/support/monitoring/fake-ports.js';
import { createInhibitionRule } from '../../domain/notifications/inhibition-rule.js';
import { ListInhibitionRulesHandler } from './list-inhibition-rules.handler.js';

describe('ListInhibitionRulesHandler', () => {
  it('answers the project’s rules only', async () => {
    const rules = new InMemoryInhibitionRules();
    const rule = (projectId: string) =>
      createInhibitionRule({
        projectId,
        sourceMatchers: [{ name: 'a', op: '=', value: '1' }],
        targetMatchers: [{ name: 'a', op: '=', value: '2' }],
        createdBy: ACTOR,
        at: new Date(),
      });
    const mine = rule(PROJECT);
    await rules.add(mine);
    await rules.add(rule(OTHER_PROJECT));
    expect(await new ListInhibitionRulesHandler(rules).execute({ projectId: PROJECT })).toEqual([mine]);
  });
});
