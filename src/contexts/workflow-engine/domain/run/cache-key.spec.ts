import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { JsonObject } from '../json-value.js';
import { defaultCacheKey, explicitCacheKey } from './cache-key.js';

describe('cache keys', () => {
  it('do not depend on the order of object keys', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (generated) => {
        const input = generated as JsonObject;
        const reversed = Object.fromEntries(Object.entries(input).reverse());
        expect(defaultCacheKey('http', reversed, {})).toBe(defaultCacheKey('http', input, {}));
      }),
    );
  });

  it('change with the type, the params and the upstream outputs', () => {
    const key = defaultCacheKey('http', { url: 'a' }, { fetch: { rows: 1 } });
    expect(defaultCacheKey('sleep', { url: 'a' }, { fetch: { rows: 1 } })).not.toBe(key);
    expect(defaultCacheKey('http', { url: 'b' }, { fetch: { rows: 1 } })).not.toBe(key);
    expect(defaultCacheKey('http', { url: 'a' }, { fetch: { rows: 2 } })).not.toBe(key);
    expect(explicitCacheKey('http', 'x')).not.toBe(explicitCacheKey('noop', 'x'));
  });
});
