import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { chooseUpstream, type UpstreamCandidate } from './upstream-choice.js';

const candidate = (id: string, outstanding: number, accepting = true): UpstreamCandidate => ({
  id,
  outstanding,
  accepting,
});

describe('chooseUpstream', () => {
  it('takes the instance with the fewest outstanding requests, the earliest on a tie', () => {
    expect(chooseUpstream([candidate('a', 3), candidate('b', 1), candidate('c', 1)])?.id).toBe('b');
  });

  it('skips an instance whose breaker is open while another accepts', () => {
    expect(chooseUpstream([candidate('a', 0, false), candidate('b', 9)])?.id).toBe('b');
  });

  it('prefers an instance this request has not tried, and tries one again only when it is the last', () => {
    expect(chooseUpstream([candidate('a', 0), candidate('b', 5)], new Set(['a']))?.id).toBe('b');
    expect(chooseUpstream([candidate('a', 0), candidate('b', 5, false)], new Set(['a']))?.id).toBe('a');
  });

  it('answers none when no instance accepts', () => {
    expect(chooseUpstream([candidate('a', 0, false)])).toBeUndefined();
    expect(chooseUpstream([])).toBeUndefined();
  });

  it('always picks an accepting instance with the least outstanding of those untried', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ outstanding: fc.nat(20), accepting: fc.boolean(), tried: fc.boolean() }), {
          maxLength: 8,
        }),
        (specs) => {
          const candidates = specs.map((spec, index) => candidate(`i${index}`, spec.outstanding, spec.accepting));
          const tried = new Set(specs.flatMap((spec, index) => (spec.tried ? [`i${index}`] : [])));
          const chosen = chooseUpstream(candidates, tried);
          const accepting = candidates.filter((c) => c.accepting);
          if (accepting.length === 0) return chosen === undefined;
          const untried = accepting.filter((c) => !tried.has(c.id));
          const pool = untried.length > 0 ? untried : accepting;
          return (
            chosen !== undefined && pool.includes(chosen) && pool.every((c) => chosen.outstanding <= c.outstanding)
          );
        },
      ),
    );
  });
});
