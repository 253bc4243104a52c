import { describe, expect, it } from '@jest/globals';
import {
  SERVICE_CALL_SIGNATURE_HEADER,
  SERVICE_CALL_TIME_HEADER,
  signServiceCall,
  verifyServiceCall,
} from './service-call-signature.js';

const SECRET = 'a'.repeat(32);
const CALL = { method: 'POST', path: '/api/v1/internal/facades/model-registry/resolve-alias', body: '["p","m","a"]' };
const NOW = 1_765_000_000_000;

function headersOf(signed: Record<string, string>) {
  return { time: signed[SERVICE_CALL_TIME_HEADER], signature: signed[SERVICE_CALL_SIGNATURE_HEADER] };
}

describe('service call signatures', () => {
  it('accepts a call signed with the secret within the allowed skew', () => {
    const headers = headersOf(signServiceCall(SECRET, CALL, NOW));
    expect(verifyServiceCall(SECRET, CALL, headers, 30_000, NOW + 29_000)).toBe(true);
  });

  it('refuses another secret, an altered body or path, and an old or future signing time', () => {
    const headers = headersOf(signServiceCall(SECRET, CALL, NOW));
    expect(verifyServiceCall('b'.repeat(32), CALL, headers, 30_000, NOW)).toBe(false);
    expect(verifyServiceCall(SECRET, { ...CALL, body: '["p","m","b"]' }, headers, 30_000, NOW)).toBe(false);
    expect(verifyServiceCall(SECRET, { ...CALL, path: `${CALL.path}x` }, headers, 30_000, NOW)).toBe(false);
    expect(verifyServiceCall(SECRET, CALL, headers, 30_000, NOW + 31_000)).toBe(false);
    expect(verifyServiceCall(SECRET, CALL, headers, 30_000, NOW - 31_000)).toBe(false);
  });

  it('refuses missing, malformed or truncated headers without throwing', () => {
    const { time, signature } = headersOf(signServiceCall(SECRET, CALL, NOW));
    expect(verifyServiceCall(SECRET, CALL, {}, 30_000, NOW)).toBe(false);
    expect(verifyServiceCall(SECRET, CALL, { time: 'soon', signature }, 30_000, NOW)).toBe(false);
    expect(verifyServiceCall(SECRET, CALL, { time, signature: signature.slice(2) }, 30_000, NOW)).toBe(false);
    expect(verifyServiceCall(SECRET, CALL, { time, signature: 'not hex' }, 30_000, NOW)).toBe(false);
  });
});
