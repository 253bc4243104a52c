import { describe, expect, it } from '@jest/globals';
import { fakeAlertingPorts } from '../../../../../test/support/monitoring/fake-alerting-ports.js';
import { ACTOR, PROJECT } from '../../../../../test/support/monitoring/fake-ports.js';
import { CreateAlertRuleHandler } from '../create-alert-rule/create-alert-rule.handler.js';
import { ListAlertRulesHandler } from './list-alert-rules.handler.js';

describe('ListAlertRulesHandler', () => {
  it('lists a project’s rules apart from the global ones', async () => {
    const ports = fakeAlertingPorts();
    const creating = new CreateAlertRuleHandler(ports.rules, ports.clock);
    const expr = { signal: 'model.staleness_days', op: '>', threshold: 30 };
    const mine = await creating.execute({ projectId: PROJECT, name: 'mine', expr, actorId: ACTOR });
    const global = await creating.execute({ projectId: null, name: 'all', expr, actorId: ACTOR });
    const listing = new ListAlertRulesHandler(ports.rules);
    expect((await listing.execute({ projectId: PROJECT, limit: 10 })).items).toEqual([mine]);
    expect((await listing.execute({ projectId: null, limit: 10 })).items).toEqual([global]);
  });
});
