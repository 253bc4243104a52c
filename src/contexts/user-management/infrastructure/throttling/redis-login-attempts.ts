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

// A successful login gives back the failure its admission reserved on the address.
const RELEASE = `
if tonumber(redis.call('GET', KEYS[1]) or '0') > 0 then redis.call('DECR', KEYS[1]) end
return 0`;

/**
 * Keycloak-style brute-force defence in Redis, shared by every instance: failures per account
 * and per address, each with growing temporary locks and a cap, so an attacker can slow a
 * victim's login down but never lock them out for good. Admission and counting are one script
 * per subject, so parallel guesses are counted as they arrive.
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
    const login = this.config.login;
    const admitOne = (kind: string, subject: string, threshold: number) =>
      fromRedis(
        this.redis.command.eval(
          ADMIT,
          2,
          failureKey(kind, subject),
          lockKey(kind, subject),
          threshold,
          login.lockBaseSeconds * 1000,
          login.lockMaxSeconds * 1000,
          login.failureWindowSeconds * 1000,
        ) as Promise<number>,
      );
    const lockMs = Math.max(
      await admitOne('ip', keys.ip, login.ipMaxFailures),
      await admitOne('account', keys.account, login.accountMaxFailures),
    );
    return Math.ceil(lockMs / 1000);
  }

  async recordSuccess(keys: LoginAttemptKeys): Promise<void> {
    await fromRedis(this.redis.command.del(failureKey('account', keys.account), lockKey('account', keys.account)));
    await fromRedis(this.redis.command.eval(RELEASE, 1, failureKey('ip', keys.ip)));
  }
}

// Both keys of one subject share a hash tag, so the script touches one Redis Cluster slot.
const failureKey = (kind: string, subject: string): string => `user-management:{login:${kind}:${subject}}:failures`;
const lockKey = (kind: string, subject: string): string => `user-management:{login:${kind}:${subject}}:lock`;
