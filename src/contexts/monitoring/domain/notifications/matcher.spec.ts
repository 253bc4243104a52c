import { describe, expect, it } from '@jest/globals';
import { matchesAll, parseMatchers } from './matcher.js';

describe('label matchers', () => {
  it('matches by equality and inequality, an absent label being the empty string', () => {
    const labels = { severity: 'critical', team: 'ml' };
    expect(matchesAll([{ name: 'severity', op: '=', value: 'critical' }], labels)).toBe(true);
    expect(matchesAll([{ name: 'team', op: '!=', value: 'ml' }], labels)).toBe(false);
    expect(matchesAll([{ name: 'env', op: '=', value: '' }], labels)).toBe(true);
    expect(matchesAll([], labels)).toBe(true);
  });

  it('refuses regular expressions and bad names with the field that holds them', () => {
    const { problems } = parseMatchers('matchers', [
      { name: 'team', op: '=~', value: 'm.*' },
      { name: '1x', op: '=', value: 'a' },
    ]);
    expect(problems.map((problem) => problem.field)).toEqual(['matchers[0].op', 'matchers[1].name']);
  });
});
