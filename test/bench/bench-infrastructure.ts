import { Redis } from 'ioredis';
import pg from 'pg';

/**
 * Benchmarks run against the same servers as the tests, in a database and a
 * Redis db of their own, made fresh for each run.
 */
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/14';

export async function freshBenchDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The bench Redis db, flushed; `db` picks another db of the same server, for a second app beside the first. */
export async function freshBenchRedis(db?: number): Promise<string> {
  const url = new URL(REDIS_URL);
  if (db !== undefined) url.pathname = `/${db}`;
  const redis = new Redis(url.toString());
  await redis.flushdb();
  redis.disconnect();
  return url.toString();
}

/** For a peer that needs a database of its own only while it runs (DBOS's system database). */
export async function dropBenchDatabase(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}
