import { describe, expect, it } from '@jest/globals';
import { Client, FAST_AUTH_ENV, startAuthApp } from './auth-client.js';

describe('the user-management test app', () => {
  it('boots with the settings it is given and leaves process.env as it found it for the next test files', async () => {
    const names = [...Object.keys(FAST_AUTH_ENV), 'AUTH_SELF_SIGNUP'];
    const environment = () => Object.fromEntries(names.map((name) => [name, process.env[name]]));
    const before = environment();

    const app = await startAuthApp({ AUTH_SELF_SIGNUP: 'true' });
    try {
      expect(environment()).toEqual(before);
      const signedUp = await new Client(app.url).call('POST', '/api/v1/auth/sign-up', {
        email: `self-${Date.now()}@example.org`,
        password: 'my own long passphrase',
        displayName: 'Self',
      });
      expect(signedUp.status).toBe(201);
    } finally {
      await app.close();
    }
    expect(environment()).toEqual(before);
  });
});
