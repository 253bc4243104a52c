import { Injectable } from '@nestjs/common';
import { fromRedis, RedisConnections } from '@libs/platform';
import { SessionStore, type Session } from '../../domain/sessions/session.js';

// A session's use is written back at most this often, so a busy client does not write per request.
const TOUCH_RESOLUTION_MS = 60_000;

/**
 * Sessions as Redis hashes. A user's sessions and their index share the hash tag `{u:<id>}`,
 * so revoking all of them is one atomic MULTI even on Redis Cluster. Keys expire with the
 * session's absolute lifetime. Every request checks its session here, so an unreachable Redis
 * answers 503 (RedisUnavailable) within the command timeout, never a hang or a 500.
 */
@Injectable()
export class RedisSessionStore extends SessionStore {
  constructor(private readonly redis: RedisConnections) {
    super();
  }

  async create(session: Session): Promise<void> {
    const ttlMs = Math.max(1, session.expiresAt.getTime() - Date.now());
    await fromRedis(
      this.redis.command
        .multi()
        .hset(sessionKey(session.userId, session.id), toHash(session))
        .pexpire(sessionKey(session.userId, session.id), ttlMs)
        .zadd(indexKey(session.userId), session.expiresAt.getTime(), session.id)
        .pexpire(indexKey(session.userId), ttlMs)
        .exec(),
    );
  }

  async find(userId: string, sessionId: string): Promise<Session | undefined> {
    return fromHash(userId, sessionId, await fromRedis(this.redis.command.hgetall(sessionKey(userId, sessionId))));
  }

  async touch(userId: string, sessionId: string, now: Date): Promise<Session | undefined> {
    const session = await this.find(userId, sessionId);
    if (session && now.getTime() - session.lastUsedAt.getTime() > TOUCH_RESOLUTION_MS) {
      // HSET only if the hash still exists, so a touch racing a revoke cannot revive a session.
      void this.redis.command
        .eval(TOUCH_IF_PRESENT, 1, sessionKey(userId, sessionId), String(now.getTime()))
        .catch(() => undefined);
    }
    return session;
  }

  async listOf(userId: string): Promise<Session[]> {
    const ids = await fromRedis(this.redis.command.zrangebyscore(indexKey(userId), Date.now(), '+inf'));
    if (ids.length === 0) return [];
    const pipeline = this.redis.command.pipeline();
    for (const id of ids) pipeline.hgetall(sessionKey(userId, id));
    const replies = (await fromRedis(pipeline.exec())) ?? [];
    return ids.flatMap((id, index) => {
      const session = fromHash(userId, id, replies[index]?.[1] as Record<string, string> | undefined);
      return session ? [session] : [];
    });
  }

  async revoke(userId: string, sessionId: string): Promise<boolean> {
    const replies = await fromRedis(
      this.redis.command.multi().del(sessionKey(userId, sessionId)).zrem(indexKey(userId), sessionId).exec(),
    );
    return replies?.[0]?.[1] === 1;
  }

  async revokeAll(userId: string, except?: string): Promise<string[]> {
    const ids = (await fromRedis(this.redis.command.zrange(indexKey(userId), 0, -1))).filter((id) => id !== except);
    if (ids.length === 0) return [];
    const transaction = this.redis.command.multi();
    for (const id of ids) transaction.del(sessionKey(userId, id));
    transaction.zrem(indexKey(userId), ...ids);
    const replies = (await fromRedis(transaction.exec())) ?? [];
    return ids.filter((_, index) => replies[index]?.[1] === 1);
  }
}

const TOUCH_IF_PRESENT = `if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('HSET', KEYS[1], 'lastUsedAt', ARGV[1]) end return 0`;

const sessionKey = (userId: string, sessionId: string): string => `user-management:{u:${userId}}:session:${sessionId}`;
const indexKey = (userId: string): string => `user-management:{u:${userId}}:sessions`;

function toHash(session: Session): Record<string, string> {
  return {
    isAdmin: session.isAdmin ? '1' : '0',
    device: session.device,
    ip: session.ip,
    createdAt: String(session.createdAt.getTime()),
    lastUsedAt: String(session.lastUsedAt.getTime()),
    expiresAt: String(session.expiresAt.getTime()),
  };
}

function fromHash(userId: string, id: string, hash: Record<string, string> | undefined): Session | undefined {
  if (!hash?.createdAt) return undefined;
  return {
    id,
    userId,
    isAdmin: hash.isAdmin === '1',
    device: hash.device ?? '',
    ip: hash.ip ?? '',
    createdAt: new Date(Number(hash.createdAt)),
    lastUsedAt: new Date(Number(hash.lastUsedAt)),
    expiresAt: new Date(Number(hash.expiresAt)),
  };
}
