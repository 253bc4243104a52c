import { describe, expect, it } from '@jest/globals';
import { ValidationError } from '@libs/ddd';
import { checkPolicies, effectivePolicies } from './rate-limit-policy.js';

describe('rate limit policies', () => {
  it('keeps valid policies, one per scope, and only their fields', () => {
    const given = [{ scope: 'project', limit: 100, windowSeconds: 60, extra: true } as never];
    expect(checkPolicies(given)).toEqual([{ scope: 'project', limit: 100, windowSeconds: 60 }]);
  });

  it('names every bad field, and a scope given twice', () => {
    const failure = (() => {
      try {
        checkPolicies([
          { scope: 'planet' as never, limit: 0, windowSeconds: 60 },
          { scope: 'user', limit: 10, windowSeconds: 86_401 },
          { scope: 'user', limit: 1.5, windowSeconds: 1 },
        ]);
      } catch (error) {
        return error;
      }
    })();
    expect(failure).toBeInstanceOf(ValidationError);
    expect((failure as ValidationError).errors?.map((problem) => problem.field)).toEqual([
      'limits[0].scope',
      'limits[0].limit',
      'limits[1].windowSeconds',
      'limits[2].limit',
      'limits[2].scope',
    ]);
  });

  it("replaces a default by the project's policy of the same scope and adds the others", () => {
    const defaults = [
      { scope: 'api-key', limit: 100, windowSeconds: 60 },
      { scope: 'user', limit: 100, windowSeconds: 60 },
    ] as const;
    const own = [
      { scope: 'user', limit: 5, windowSeconds: 1 },
      { scope: 'deployment', limit: 1000, windowSeconds: 60 },
    ] as const;
    expect(effectivePolicies(defaults, own)).toEqual([defaults[0], own[0], own[1]]);
    expect(effectivePolicies(defaults, [])).toEqual(defaults);
  });
});
