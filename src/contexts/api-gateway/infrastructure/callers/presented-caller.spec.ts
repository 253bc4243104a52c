import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { KnownAccessTokens } from '../../../../../test/support/api-gateway/fake-ports.js';
import { PresentedCaller } from './presented-caller.js';

const KEY = 'mlk_5bLq0Hq8n7o9bN4s0m1U2w3x4y5z6A7B8C9D0E1F2G3';
const TOKEN = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ1In0.c2lnbmF0dXJl';
const keyHash = createHash('sha256').update(KEY).digest('hex');

describe('PresentedCaller', () => {
  const callers = new PresentedCaller(new KnownAccessTokens({ [TOKEN]: 'user-7' }));

  it('names an API key by the SHA-256 of its secret, however it is presented, as not checked yet', async () => {
    const expected = { kind: 'api-key', apiKeyId: keyHash, unchecked: true };
    expect(await callers.of({ 'x-api-key': KEY })).toEqual(expected);
    expect(await callers.of({ authorization: `Bearer ${KEY}` })).toEqual(expected);
  });

  it('names the user of a verified access token, and nobody for a token that fails verification', async () => {
    expect(await callers.of({ authorization: `Bearer ${TOKEN}` })).toEqual({ kind: 'user', userId: 'user-7' });
    expect(await callers.of({ authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.' })).toBeUndefined();
    expect(await callers.of({ authorization: 'Bearer eyJ.forged.token' })).toBeUndefined();
  });

  it('names nobody without a credential, or with two that differ', async () => {
    expect(await callers.of({})).toBeUndefined();
    expect(await callers.of({ authorization: `Bearer ${TOKEN}`, 'x-api-key': KEY })).toBeUndefined();
    expect(await callers.of({ authorization: `Basic ${KEY}` })).toBeUndefined();
  });
});
