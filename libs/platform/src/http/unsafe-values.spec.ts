import { Readable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { findUnsafeValue, MAX_NESTING_DEPTH } from './unsafe-values.js';

describe('findUnsafeValue', () => {
  it('names the field of a NUL character however deep, in values and keys', () => {
    expect(findUnsafeValue({ name: 'a\u0000b' })).toEqual({ field: 'name', message: expect.stringMatching(/NUL/) });
    expect(findUnsafeValue({ params: { list: [1, { x: '\u0000' }] } })?.field).toBe('params.list.1.x');
    expect(findUnsafeValue({ params: { 'k\u0000': 1 } })).toEqual({
      field: 'params',
      message: expect.stringMatching(/key/),
    });
    expect(findUnsafeValue('raw yaml \u0000')?.field).toBe('(body)');
  });

  it('refuses lone surrogates, which jsonb refuses, and keeps real astral characters', () => {
    expect(findUnsafeValue({ displayName: 'ok\ud800x' })).toEqual({
      field: 'displayName',
      message: expect.stringMatching(/surrogate/),
    });
    expect(findUnsafeValue({ displayName: '\udc00 first' })?.message).toMatch(/surrogate/);
    expect(findUnsafeValue({ displayName: 'chart \u{1F4C8} \u00e9' })).toBeUndefined();
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }),
        (text) => findUnsafeValue({ text }) === undefined || text.includes('\u0000'),
      ),
    );
  });

  it('finds a NUL character wherever fast-check hides it, and nothing in clean values', () => {
    const clean = fc.jsonValue({ maxDepth: 6 }).filter((value) => !JSON.stringify(value).includes('\\u0000'));
    fc.assert(fc.property(clean, (value) => findUnsafeValue(value) === undefined));
    fc.assert(
      fc.property(
        clean,
        fc.string(),
        (value, prefix) => findUnsafeValue({ value, hidden: [`${prefix}\u0000`] }) !== undefined,
      ),
    );
  });

  it('refuses nesting past the limit without overflowing the stack', () => {
    let deep: unknown = 'end';
    for (let level = 0; level < 200_000; level += 1) deep = [deep];
    expect(findUnsafeValue(deep)?.message).toMatch(new RegExp(`${MAX_NESTING_DEPTH}`));
    let fine: unknown = 'end';
    for (let level = 0; level < MAX_NESTING_DEPTH; level += 1) fine = { level: fine };
    expect(findUnsafeValue(fine)).toBeUndefined();
  });

  it('leaves streamed bodies and bytes alone', () => {
    expect(findUnsafeValue(Readable.from(['\u0000']))).toBeUndefined();
    expect(findUnsafeValue(Buffer.from([0]))).toBeUndefined();
  });
});
