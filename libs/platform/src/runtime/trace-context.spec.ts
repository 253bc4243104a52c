import { describe, expect, it } from '@jest/globals';
import { childTraceparent, traceparentOf } from './trace-context.js';

const VALID = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('W3C trace context', () => {
  it('keeps a well-formed traceparent and starts a trace for a missing or malformed one', () => {
    expect(traceparentOf(VALID)).toBe(VALID);
    for (const header of [undefined, '', 'garbage', VALID.toUpperCase(), `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`]) {
      expect(traceparentOf(header)).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
      expect(traceparentOf(header)).not.toBe(header);
    }
  });

  it('makes children in the same trace with new span ids and the same flags', () => {
    const child = childTraceparent(VALID);
    expect(child).toMatch(/^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01$/);
    expect(child).not.toBe(VALID);
    expect(childTraceparent(child).split('-')[1]).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
  });
});
