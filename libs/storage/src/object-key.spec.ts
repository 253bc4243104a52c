import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { sep } from 'node:path';
import { InvalidObjectKeyError } from './errors.js';
import { ObjectFiles } from './filesystem/object-files.js';
import { assertValidKey, assertValidPrefix, isValidKey } from './object-key.js';

describe('object keys', () => {
  it.each([
    'model.onnx',
    'projects/0193/models/v1/weights.bin',
    'a/b/c',
    'date=2024-01-01/part-0.parquet',
    '.hidden',
    'a..b',
    '...',
  ])('accepts %j', (key) => expect(() => assertValidKey(key)).not.toThrow());

  it.each([
    ['', /empty/],
    ['../etc/passwd', /\.\. segment/],
    ['a/../../b', /\.\. segment/],
    ['./a', /\. or \.\. segment/],
    ['/etc/passwd', /absolute/],
    ['nul\0byte', /"\\u0000"/],
    ['back\\slash', /"\\\\"/],
    ['C:/windows', /":"/],
    ['a//b', /empty segment/],
    ['trailing/', /empty segment/],
    ['space here', /" "/],
    ['ünïcode', /"ü"/],
    ['records@meta.json', /"@"/],
    ['x'.repeat(1001), /longer than 1000/],
    [`${'s'.repeat(201)}/x`, /segment is longer than 200/],
  ])('refuses %j, saying why', (key, reason) => {
    expect(() => assertValidKey(key)).toThrow(InvalidObjectKeyError);
    expect(() => assertValidKey(key)).toThrow(reason);
  });

  it('accepts listing prefixes that end in a slash or mid-segment, and the empty one', () => {
    for (const prefix of ['', 'models/', 'models/v1', 'models/v1/we'])
      expect(() => assertValidPrefix(prefix)).not.toThrow();
    for (const prefix of ['../', '/models', 'a//', 'a/../'])
      expect(() => assertValidPrefix(prefix)).toThrow(InvalidObjectKeyError);
  });

  it('never lets a valid key resolve outside the store root', () => {
    const files = new ObjectFiles('/var/objects');
    const segment = fc.stringMatching(/^[A-Za-z0-9._=-]{1,12}$/);
    const pathLike = fc.array(fc.oneof(segment, fc.constantFrom('..', '.', '', '/', '\\', '\0')), {
      minLength: 1,
      maxLength: 8,
    });
    fc.assert(
      fc.property(pathLike, (parts) => {
        const key = parts.join('/');
        if (!isValidKey(key)) return;
        expect(files.dataPath(key).startsWith(`${files.root}${sep}`)).toBe(true);
        expect(files.recordPath(key).startsWith(`${files.root}${sep}`)).toBe(true);
      }),
    );
  });

  it('refuses every key with a . or .. segment', () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9._=-]{1,8}$/);
    fc.assert(
      fc.property(
        fc.array(segment, { maxLength: 4 }),
        fc.constantFrom('.', '..'),
        fc.array(segment, { maxLength: 4 }),
        (before, dots, after) => {
          expect(isValidKey([...before, dots, ...after].join('/'))).toBe(false);
        },
      ),
    );
  });
});
