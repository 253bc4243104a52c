import { Redis } from 'ioredis';
import pg from 'pg';

// Jest loads this file (and global-teardown.ts) outside its module mapper, so they import no project module.
const postgresUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const RUN_LOCK = 'mlops:test-run-lock';
const RUN_LOCK_TTL_MS = 30 * 60_000;

/**
 * Takes the test-run lock (two runs on one machine would drop each other's databases and
 * flush each other's Redis dbs), then drops what earlier runs left behind; each worker makes
 * its own database anew (worker-env.ts).
 */
export default async function globalSetup(): Promise<void> {
  await takeRunLock();
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'mlops\\_test\\_%'",
    );
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  for (let db = 1; db <= 12; db += 1) {
    const redis = new Redis(redisUrl, { db });
    await redis.flushdb();
    redis.disconnect();
  }
}

async function takeRunLock(): Promise<void> {
  const redis = new Redis(redisUrl, { db: 0 });
  try {
    for (;;) {
      if (await redis.set(RUN_LOCK, String(process.pid), 'PX', RUN_LOCK_TTL_MS, 'NX')) return;
      const holder = Number(await redis.get(RUN_LOCK));
      if (holder && !isAlive(holder)) await redis.del(RUN_LOCK);
      else await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    redis.disconnect();
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
