import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { InMemoryInhibitionRules } from '../../../../../test/support/monitoring/fake-notification-ports.js';
import { ACTOR, OTHER_PROJECT, PROJECT } from '../../../../../test/support/monitoring/fake-ports.js';
import { createInhibitionRule } from '../../domain/notifications/inhibition-rule.js';
import { DeleteInhibitionRuleHandler } from './delete-inhibition-rule.handler.js';

describe('DeleteInhibitionRuleHandler', () => {
  it('deletes a rule of the project, and answers 404 for another project’s', async () => {
    const rules = new InMemoryInhibitionRules();
    const rule = createInhibitionRule({
      projectId: PROJECT,
      sourceMatchers: [{ name: 'a', op: '=', value: '1' }],
      targetMatchers: [{ name: 'a', op: '=', value: '2' }],
      createdBy: ACTOR,
      at: new Date(),
    });
    await rules.add(rule);
    const deleting = new DeleteInhibitionRuleHandler(rules);
    await expect(deleting.execute({ projectId: OTHER_PROJECT, ruleId: rule.id })).rejects.toThrow(NotFoundError);
    await deleting.execute({ projectId: PROJECT, ruleId: rule.id });
    expect(rules.rows).toEqual([]);
  });
});
