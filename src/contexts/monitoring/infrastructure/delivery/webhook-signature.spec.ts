import { createHmac } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { webhookSignature } from './webhook-signature.js';

describe('webhookSignature', () => {
  it('signs "<unix seconds>.<body>" with HMAC-SHA256 as t=<seconds>,v1=<hex>', () => {
    const at = new Date('2026-12-07T00:00:01.900Z');
    const seconds = Math.floor(at.getTime() / 1000);
    const expected = createHmac('sha256', 'whsec_x').update(`${seconds}.{"a":1}`).digest('hex');
    expect(webhookSignature('whsec_x', '{"a":1}', at)).toBe(`t=${seconds},v1=${expected}`);
  });

  it('changes with the secret, the body and the time', () => {
    const at = new Date('2026-12-07T00:00:00Z');
    const base = webhookSignature('a', 'body', at);
    expect(webhookSignature('b', 'body', at)).not.toBe(base);
    expect(webhookSignature('a', 'body!', at)).not.toBe(base);
    expect(webhookSignature('a', 'body', new Date(at.getTime() + 1000))).not.toBe(base);
  });
});
