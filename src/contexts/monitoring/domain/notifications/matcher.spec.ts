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

  it('matches regular expressions against the whole value, as Alertmanager does', () => {
    const labels = { severity: 'critical', team: 'ml' };
    expect(matchesAll([{ name: 'team', op: '=~', value: 'm.*' }], labels)).toBe(true);
    expect(matchesAll([{ name: 'team', op: '=~', value: 'm' }], labels)).toBe(false);
    expect(matchesAll([{ name: 'severity', op: '=~', value: 'warning|critical' }], labels)).toBe(true);
    expect(matchesAll([{ name: 'severity', op: '!~', value: 'crit.*' }], labels)).toBe(false);
    expect(matchesAll([{ name: 'env', op: '=~', value: 'prod|' }], labels)).toBe(true);
    expect(matchesAll([{ name: 'env', op: '!~', value: '.+' }], labels)).toBe(true);
  });

  it('runs a pattern that backtracking engines take exponential time over in linear time', () => {
    const labels = { job: `${'a'.repeat(5_000)}!` };
    expect(matchesAll([{ name: 'job', op: '=~', value: '(a+)+$' }], labels)).toBe(false);
  });

  it('refuses unknown operators, bad patterns and bad names with the field that holds them', () => {
    const { problems } = parseMatchers('matchers', [
      { name: 'team', op: '~', value: 'm.*' },
      { name: 'team', op: '=~', value: 'm(' },
      { name: 'team', op: '!~', value: '(?<=x)y' },
      { name: '1x', op: '=', value: 'a' },
    ]);
    expect(problems.map((problem) => problem.field)).toEqual([
      'matchers[0].op',
      'matchers[1].value',
      'matchers[2].value',
      'matchers[3].name',
    ]);
  });
});
