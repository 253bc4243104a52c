import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { isBefore, nextEntryId, parseEntryId } from './entry-id.js';

describe('stream entry ids', () => {
  it('orders ids as Redis does: by time, then by sequence, as numbers', () => {
    expect(isBefore(parseEntryId('999-5'), parseEntryId('1000-0'))).toBe(true);
    expect(isBefore(parseEntryId('1000-9'), parseEntryId('1000-10'))).toBe(true);
    expect(isBefore(parseEntryId('1000-10'), parseEntryId('1000-10'))).toBe(false);
  });

  it('puts the next id after an id and before every later one', () => {
    const id = fc.tuple(fc.nat({ max: 2 ** 45 }), fc.nat({ max: 2 ** 30 }));
    fc.assert(
      fc.property(id, id, ([ms, seq], [laterMs, laterSeq]) => {
        const current = parseEntryId(`${ms}-${seq}`);
        const later = parseEntryId(`${laterMs}-${laterSeq}`);
        expect(isBefore(current, nextEntryId(current))).toBe(true);
        if (isBefore(current, later)) expect(isBefore(later, nextEntryId(current))).toBe(false);
      }),
    );
  });
});
