import { Readable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { BodyTooLarge, readBodyUpTo } from './bounded-body.js';

const chunks = (...parts: string[]) => Readable.from(parts.map((part) => Buffer.from(part)));

describe('readBodyUpTo', () => {
  it('reads a body of up to the limit whole', async () => {
    expect((await readBodyUpTo(chunks('{"instances":', '[[1]]}'), 19)).toString()).toBe('{"instances":[[1]]}');
    expect((await readBodyUpTo(chunks(), 10)).length).toBe(0);
  });

  it('refuses a body past the limit as too large', async () => {
    await expect(readBodyUpTo(chunks('0123456789', 'x'), 10)).rejects.toBeInstanceOf(BodyTooLarge);
  });
});
