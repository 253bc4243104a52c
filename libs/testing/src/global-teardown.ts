import { Redis } from 'ioredis';

const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Releases the test-run lock taken in global-setup.ts, if this run still holds it. */
export default async function globalTeardown(): Promise<void> {
  const redis = new Redis(redisUrl, { db: 0 });
  try {
    if ((await redis.get('mlops:test-run-lock')) === String(process.pid)) await redis.del('mlops:test-run-lock');
  } finally {
    redis.disconnect();
  }
}
