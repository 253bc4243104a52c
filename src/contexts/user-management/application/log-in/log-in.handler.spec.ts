import { describe, expect, it } from '@jest/globals';
import { fakeUserManagementPorts } from '../../../../../test/support/user-management/fake-ports.js';
import { InvalidCredentials, LoginThrottled } from '../../domain/errors.js';
import { Email } from '../../domain/users/email.js';
import { User } from '../../domain/users/user.js';
import { LogInHandler } from './log-in.handler.js';

function logInWith(ports = fakeUserManagementPorts()) {
  const handler = new LogInHandler(
    ports.users,
    ports.hasher,
    ports.attempts,
    ports.families,
    ports.sessions,
    ports.accessTokens,
    ports.secrets,
    ports.settings,
    ports.transaction,
    ports.audit,
    ports.events,
  );
  return { handler, ports };
}

const someone = () =>
  User.register({ email: Email.of('someone@example.com'), displayName: 'S', passwordHash: 'hash(right)' });
const attempt = { email: 'Someone@Example.com', password: 'wrong', ip: '192.0.2.1', device: 'test' };

describe('logging in', () => {
  it('runs exactly one bcrypt compare for an unknown email, against the decoy hash', async () => {
    const { handler, ports } = logInWith();
    await expect(handler.execute(attempt)).rejects.toThrow(InvalidCredentials);
    expect(ports.hasher.compares).toEqual(['decoy-hash']);
    // Counted under the normalised address's digest, before the compare.
    expect(ports.attempts.admitted.map((keys) => keys.account)).toEqual(['digest(someone@example.com)']);
  });

  it('runs exactly one compare for a known email with a wrong password, and answers the same', async () => {
    const { handler, ports } = logInWith();
    ports.users.add(someone());
    await expect(handler.execute(attempt)).rejects.toThrow(InvalidCredentials);
    expect(ports.hasher.compares).toEqual(['hash(right)']);
  });

  it('refuses without comparing while the account or address is locked', async () => {
    const { handler, ports } = logInWith();
    ports.attempts.lockedFor = 7;
    const refusal = handler.execute(attempt);
    await expect(refusal).rejects.toEqual(new LoginThrottled(7));
    await expect(refusal).rejects.toMatchObject({ kind: 'rate-limited', retryAfterSeconds: 7 });
    expect(ports.hasher.compares).toEqual([]);
    expect(ports.audit.entries.map((entry) => entry.action)).toEqual(['login.throttled']);
  });

  it('answers a disabled account with the same refusal as a wrong password, and audits the failure', async () => {
    const { handler, ports } = logInWith();
    const user = someone();
    user.disable();
    ports.users.add(user);
    await expect(handler.execute({ ...attempt, password: 'right' })).rejects.toThrow(InvalidCredentials);
    expect(ports.audit.entries).toEqual([expect.objectContaining({ action: 'login.failed', subjectId: user.id })]);
    expect(ports.events.types()).toEqual(['user-management.login.failed.v1']);
    expect(ports.sessions.live.size).toBe(0);
  });

  it('opens a session with a fresh refresh token family and gives back the attempt it reserved', async () => {
    const { handler, ports } = logInWith();
    const user = someone();
    ports.users.add(user);
    const tokens = await handler.execute({ ...attempt, password: 'right' });
    expect(tokens.refreshToken).toMatch(/^rt_/);
    expect(tokens.accessToken).toBe(`access:${user.id}:${tokens.sessionId}`);
    const family = ports.families.byId.get(tokens.sessionId);
    expect(family?.currentTokenHash).toBe(ports.secrets.digest(tokens.refreshToken));
    expect(ports.sessions.live.get(tokens.sessionId)).toMatchObject({ userId: user.id, ip: '192.0.2.1' });
    expect(ports.attempts.succeeded).toEqual(ports.attempts.admitted);
    expect(ports.events.types()).toEqual(['user-management.login.succeeded.v1']);
  });
});
