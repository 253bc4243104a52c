import { Injectable } from '@nestjs/common';
import { fromRedis, RedisConnections } from '@libs/platform';

const WINDOW_MS = 60_000;

// Fixed one-minute window per key: INCR, and start the window on the first hit.
const HIT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {hits, redis.call('PTTL', KEYS[1])}`;

/** Requests per client address and minute, counted in Redis so every instance shares the budget. */
@Injectable()
export class RedisRequestRate {
  constructor(private readonly redis: RedisConnections) {}

  /** Counts one request; returns the seconds to wait when over `limit`, else 0. */
  async hit(bucket: string, client: string, limit: number): Promise<number> {
    const [hits, ttlMs] = (await fromRedis(
      this.redis.command.eval(HIT, 1, `user-management:{rate:${bucket}:${client}}`, WINDOW_MS),
    )) as [number, number];
    return hits > limit ? Math.max(1, Math.ceil(ttlMs / 1000)) : 0;
  }
}
