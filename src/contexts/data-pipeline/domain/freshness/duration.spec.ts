import { describe, expect, it } from '@jest/globals';
import { DURATION_PATTERN, durationMs } from './duration.js';

describe('durations of freshness waits', () => {
  it.each([
    ['1500ms', 1_500],
    ['90s', 90_000],
    ['15m', 900_000],
    ['6h', 21_600_000],
    ['2d', 172_800_000],
    ['1w', 604_800_000],
    ['PT30M', 1_800_000],
    ['P1DT12H', 129_600_000],
    ['PT1.5S', 1_500],
    ['P2W', 1_209_600_000],
  ])('reads %s as %d ms', (text, ms) => {
    expect(durationMs(text)).toBe(ms);
    expect(new RegExp(DURATION_PATTERN, 'u').test(text)).toBe(true);
  });

  it.each(['', 'P', 'PT', 'P1DT', 'P1Y', 'P1M', '6 h', 'h', '-1h', '1.5h', 'soon'])('refuses %p', (text) => {
    expect(durationMs(text)).toBeUndefined();
  });

  it('has a schema pattern refusing what it cannot read, except the empty ISO forms it leaves to the reader', () => {
    const pattern = new RegExp(DURATION_PATTERN);
    expect(['P1Y', '6 h', '-1h', 'soon'].filter((text) => pattern.test(text))).toEqual([]);
  });
});
