import { describe, expect, it } from '@jest/globals';
import { InvalidCredentials, LoginThrottled } from '../../domain/errors.js';
import { Email } from '../../domain/users/email.js';
import { User } from '../../domain/users/user.js';
import { LogInHandler } from './log-in.handler.js';

/** Fakes of the ports the failure paths touch; the success path is covered end to end. */
function handlerWith(options: { user?: User; lockedFor?: number }) {
  const compares: string[] = [];
  const admitted: string[] = [];
  const handler = new LogInHandler(
    { findByEmail: () => Promise.resolve(options.user) } as never,
    {
      verify: (_password: string, hash: string) => {
        compares.push(hash);
        return Promise.resolve(false);
      },
      decoyHash: () => Promise.resolve('decoy-hash'),
    } as never,
    {
      admit: (keys: { account: string }) => {
        admitted.push(keys.account);
        return Promise.resolve(options.lockedFor ?? 0);
      },
    } as never,
    {} as never,
    {} as never,
    {} as never,
    { digest: (value: string) => `digest(${value})` } as never,
    {} as never,
    { run: (work: () => Promise<unknown>) => work() } as never,
    { record: () => Promise.resolve() } as never,
    { publish: () => Promise.resolve() } as never,
  );
  return { handler, compares, admitted };
}

const attempt = { email: 'Someone@Example.com', password: 'wrong', ip: '192.0.2.1', device: 'test' };

describe('logging in', () => {
  it('runs exactly one bcrypt compare for an unknown email, against the decoy hash', async () => {
    const { handler, compares, admitted } = handlerWith({});
    await expect(handler.execute(attempt)).rejects.toThrow(InvalidCredentials);
    expect(compares).toEqual(['decoy-hash']);
    // Counted under the normalised address's digest, before the compare.
    expect(admitted).toEqual(['digest(someone@example.com)']);
  });

  it('runs exactly one compare for a known email with a wrong password, and answers the same', async () => {
    const user = User.register({ email: Email.of('someone@example.com'), displayName: 'S', passwordHash: 'real-hash' });
    const { handler, compares } = handlerWith({ user });
    await expect(handler.execute(attempt)).rejects.toThrow(InvalidCredentials);
    expect(compares).toEqual(['real-hash']);
  });

  it('refuses without comparing while the account or address is locked', async () => {
    const { handler, compares } = handlerWith({ lockedFor: 7 });
    await expect(handler.execute(attempt)).rejects.toEqual(new LoginThrottled(7));
    expect(compares).toEqual([]);
  });
});
