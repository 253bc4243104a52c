import { Inject, Injectable } from '@nestjs/common';
import { fromRedis, RedisConnections } from '@libs/platform';
import { LoginAttempts, type LoginAttemptKeys } from '../../domain/sessions/login-attempts.js';
import { USER_MANAGEMENT_CONFIG, type UserManagementConfig } from '../config/user-management-config.js';

// Refuses while locked (answering the lock's remaining ms); else admits the attempt and counts it
// as a failure. From the threshold on, admitting also locks, for base * 2^(failures - threshold),
// capped: the guesses behind it wait, while this one may still be the owner's (a success lifts the
// lock). The counter outlives the lock by the failure window, so the next failure locks longer.
const ADMIT = `
local lockMs = redis.call('PTTL', KEYS[2])
if lockMs > 0 then return lockMs end
local failures = redis.call('INCR', KEYS[1])
local threshold = tonumber(ARGV[1])
local newLockMs = 0
if failures >= threshold then
  newLockMs = math.min(tonumber(ARGV[3]), tonumber(ARGV[2]) * (2 ^ math.min(failures - threshold, 30)))
  redis.call('SET', KEYS[2], '1', 'PX', math.floor(newLockMs))
end
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[4]) + math.floor(newLockMs))
return 0`;

// Gives back the failure an admission reserved. When what is left is below the threshold, the lock
// that reservation set had no real failures behind it, so it goes too.
const RELEASE = `
local failures = tonumber(redis.call('GET', KEYS[1]) or '0')
if failures > 0 then failures = redis.call('DECR', KEYS[1]) end
if failures < tonumber(ARGV[1]) then redis.call('DEL', KEYS[2]) end
return 0`;

type Subject = { readonly kind: 'account' | 'ip'; readonly id: string; readonly threshold: number };

/**
 * Keycloak-style brute-force defence in Redis, shared by every instance: failures per account
 * and per address, each with its own threshold and growing temporary locks with a cap, so an
 * attacker can slow a victim's login down but never lock them out for good. Only attempts whose
 * password is compared count: a refused one counts on neither subject, so the owner of a locked
 * account cannot lock out the address it shares with others (an office behind one NAT).
 */
@Injectable()
export class RedisLoginAttempts extends LoginAttempts {
  constructor(
    private readonly redis: RedisConnections,
    @Inject(USER_MANAGEMENT_CONFIG) private readonly config: UserManagementConfig,
  ) {
    super();
  }

  async admit(keys: LoginAttemptKeys): Promise<number> {
    const [account, ip] = this.subjects(keys);
    const lockedMs = Math.max(await this.lockMs(account), await this.lockMs(ip));
    if (lockedMs > 0) return Math.ceil(lockedMs / 1000);
    // Each subject is admitted and counted by one script, so parallel guesses are counted as they
    // arrive; one that loses the race to a lock on the second subject gives the first its count back.
    const accountLockMs = await this.admitOne(account);
    if (accountLockMs > 0) return Math.ceil(accountLockMs / 1000);
    const ipLockMs = await this.admitOne(ip);
    if (ipLockMs > 0) await this.release(account);
    return Math.ceil(ipLockMs / 1000);
  }

  async recordSuccess(keys: LoginAttemptKeys): Promise<void> {
    const [account, ip] = this.subjects(keys);
    await fromRedis(this.redis.command.del(failureKey(account), lockKey(account)));
    await this.release(ip);
  }

  private subjects(keys: LoginAttemptKeys): [Subject, Subject] {
    const login = this.config.login;
    return [
      { kind: 'account', id: keys.account, threshold: login.accountMaxFailures },
      { kind: 'ip', id: keys.ip, threshold: login.ipMaxFailures },
    ];
  }

  private lockMs(subject: Subject): Promise<number> {
    return fromRedis(this.redis.command.pttl(lockKey(subject)));
  }

  private admitOne(subject: Subject): Promise<number> {
    const login = this.config.login;
    return fromRedis(
      this.redis.command.eval(
        ADMIT,
        2,
        failureKey(subject),
        lockKey(subject),
        subject.threshold,
        login.lockBaseSeconds * 1000,
        login.lockMaxSeconds * 1000,
        login.failureWindowSeconds * 1000,
      ) as Promise<number>,
    );
  }

  private async release(subject: Subject): Promise<void> {
    await fromRedis(this.redis.command.eval(RELEASE, 2, failureKey(subject), lockKey(subject), subject.threshold));
  }
}

// Both keys of one subject share a hash tag, so the script touches one Redis Cluster slot.
const failureKey = (subject: Subject): string => `user-management:{login:${subject.kind}:${subject.id}}:failures`;
const lockKey = (subject: Subject): string => `user-management:{login:${subject.kind}:${subject.id}}:lock`;
