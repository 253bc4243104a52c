import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { isJsonObject, sameJson, toJsonValue } from './json-value.js';

describe('toJsonValue', () => {
  it('keeps data read from JSON as it is', () => {
    const readFromJson = fc.jsonValue().map((value): unknown => JSON.parse(JSON.stringify(value)));
    fc.assert(fc.property(readFromJson, (value) => expect(toJsonValue(value)).toEqual(value)));
  });

  it('turns -0, which JSON cannot hold, into 0', () => {
    expect(Object.is(toJsonValue(-0), 0)).toBe(true);
    expect(toJsonValue({ delta: [-0] })).toEqual({ delta: [0] });
  });

  it('answers what storing the value as JSON would keep', () => {
    const anything = fc.anything({ withDate: true, withNullPrototype: true, withObjectString: false });
    fc.assert(
      fc.property(anything, (value) => {
        const stored: unknown = JSON.parse(JSON.stringify(value) ?? 'null');
        expect(toJsonValue(value)).toEqual(stored);
      }),
    );
  });

  it('keeps a `__proto__` key as a property, not as the prototype', () => {
    const parsed: unknown = JSON.parse('{"__proto__": {"polluted": true}}');
    const value = toJsonValue(parsed);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(isJsonObject(value) && Object.keys(value)).toEqual(['__proto__']);
  });

  it('refuses a BigInt, which JSON cannot hold', () => {
    expect(() => toJsonValue({ count: 10n })).toThrow(TypeError);
  });
});

describe('sameJson', () => {
  it('agrees with comparing the values written with sorted keys', () => {
    const sorted = (value: unknown): string =>
      JSON.stringify(value, (_key, item: unknown) =>
        isJsonObject(item) ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : 1))) : item,
      );
    const json = fc.jsonValue().map((value) => toJsonValue(value));
    fc.assert(
      fc.property(json, json, (left, right) => expect(sameJson(left, right)).toBe(sorted(left) === sorted(right))),
    );
    fc.assert(fc.property(json, (value) => expect(sameJson(value, toJsonValue(JSON.parse(sorted(value))))).toBe(true)));
  });

  it('tells an array from an object with the same entries', () => {
    expect(sameJson(['a'], { 0: 'a' })).toBe(false);
    expect(sameJson({ a: 1, b: [2] }, { b: [2], a: 1 })).toBe(true);
  });
});
