import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { RangeNotSatisfiableError } from '@libs/storage';
import { requestedRange } from './byte-range.js';

describe('requestedRange', () => {
  it('reads first-last, open-ended and suffix ranges, clamped to the artifact', () => {
    expect(requestedRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(requestedRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 });
    expect(requestedRange('bytes=900-5000', 1000)).toEqual({ start: 900, end: 999 });
    expect(requestedRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(requestedRange('bytes=-5000', 1000)).toEqual({ start: 0, end: 999 });
  });

  it('ignores what a server may ignore: no header, other units, several ranges, malformed ones', () => {
    for (const header of [undefined, 'items=0-1', 'bytes=0-1,5-6', 'bytes=5-1', 'bytes=-', 'bytes=a-b']) {
      expect(requestedRange(header, 1000)).toBeUndefined();
    }
  });

  it('refuses ranges past the end and empty suffixes', () => {
    for (const header of ['bytes=1000-', 'bytes=1000-2000', 'bytes=-0']) {
      expect(() => requestedRange(header, 1000)).toThrow(RangeNotSatisfiableError);
    }
    expect(() => requestedRange('bytes=-1', 0)).toThrow(RangeNotSatisfiableError);
  });

  it('answers only ranges inside the artifact, as RFC 9110 reads a first-last header', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000 }), fc.nat({ max: 20_000 }), fc.nat({ max: 20_000 }), (size, first, last) => {
        let range: { start: number; end: number } | undefined;
        try {
          range = requestedRange(`bytes=${first}-${last}`, size);
        } catch (error) {
          expect(error).toBeInstanceOf(RangeNotSatisfiableError);
          expect(first >= size && last >= first).toBe(true);
          return;
        }
        if (last < first) return expect(range).toBeUndefined();
        expect(range).toEqual({ start: first, end: Math.min(last, size - 1) });
        expect(range!.end).toBeLessThan(size);
      }),
    );
  });
});
