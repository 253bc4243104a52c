import { describe, expect, it } from '@jest/globals';
import { fakeAlertingPorts } from '../../../../../test/support/monitoring/fake-alerting-ports.js';
import { GetAlertRuleHandler } from './get-alert-rule.handler.js';

describe('GetAlertRuleHandler', () => {
  it('answers 404 for an unknown rule', async () => {
    const ports = fakeAlertingPorts();
    await expect(
      new GetAlertRuleHandler(ports.lookup).execute({ ruleId: '0193a000-0000-7000-8000-0000000000ff', global: false }),
    ).rejects.toThrow('was not found');
  });
});
