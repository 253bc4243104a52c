import { describe, expect, it } from '@jest/globals';
import { isUuidV7, newId } from './uuid.js';

describe('newId', () => {
  it('makes distinct UUIDv7s that sort in the order they were made, across refills of its random pool', () => {
    // 2,000 ids span several refills of the 4 KiB pool and many ids within one millisecond.
    const ids = Array.from({ length: 2000 }, () => newId());
    expect(ids.every(isUuidV7)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('carries the current millisecond in its first 48 bits', () => {
    const before = Date.now();
    const id = newId();
    const millis = parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    expect(millis).toBeGreaterThanOrEqual(before);
    expect(millis).toBeLessThanOrEqual(Date.now());
  });
});
