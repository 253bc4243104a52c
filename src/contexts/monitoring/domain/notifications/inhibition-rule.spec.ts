import { describe, expect, it } from '@jest/globals';
import { fingerprintOf } from '../alerts/labels.js';
import { createInhibitionRule, InhibitionRuleInvalid, isInhibited } from './inhibition-rule.js';

const alert = (labels: Record<string, string>) => ({ fingerprint: fingerprintOf(labels), labels });

describe('inhibition rules', () => {
  const rule = createInhibitionRule({
    projectId: 'p',
    sourceMatchers: [{ name: 'severity', op: '=', value: 'critical' }],
    targetMatchers: [{ name: 'severity', op: '=', value: 'warning' }],
    equal: ['workflowId'],
    createdBy: 'u',
    at: new Date(0),
  });

  it('mutes a matching target while a matching source with the same equal labels fires', () => {
    const source = alert({ severity: 'critical', workflowId: 'w1' });
    expect(isInhibited(alert({ severity: 'warning', workflowId: 'w1' }), [source], [rule])).toBe(true);
    expect(isInhibited(alert({ severity: 'warning', workflowId: 'w2' }), [source], [rule])).toBe(false);
    expect(isInhibited(alert({ severity: 'info', workflowId: 'w1' }), [source], [rule])).toBe(false);
    expect(isInhibited(alert({ severity: 'warning', workflowId: 'w1' }), [], [rule])).toBe(false);
  });

  it('never lets an alert inhibit itself', () => {
    const both = createInhibitionRule({
      projectId: 'p',
      sourceMatchers: [{ name: 'team', op: '=', value: 'ml' }],
      targetMatchers: [{ name: 'team', op: '=', value: 'ml' }],
      createdBy: 'u',
      at: new Date(0),
    });
    const only = alert({ team: 'ml' });
    expect(isInhibited(only, [only], [both])).toBe(false);
  });

  it('refuses empty matchers, which would mute everything while anything fires', () => {
    const creating = () =>
      createInhibitionRule({ projectId: 'p', sourceMatchers: [], targetMatchers: [], createdBy: 'u', at: new Date(0) });
    expect(creating).toThrow(InhibitionRuleInvalid);
  });
});
