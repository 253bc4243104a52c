import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import pg from 'pg';
import { TEST_POSTGRES_URL, workerDatabaseName, workerDatabaseUrl, workerRedisUrl } from './test-infrastructure.js';

// Runs before each test file: point everything the app reads at this worker's own servers.
const worker = process.env.JEST_WORKER_ID ?? '1';
process.env.DATABASE_URL = workerDatabaseUrl(worker);
process.env.REDIS_URL = workerRedisUrl(worker);
process.env.LOG_LEVEL ??= 'silent';
process.env.NODE_ENV = 'test';

const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
await admin.connect();
try {
  const name = workerDatabaseName(worker);
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (!rowCount) await admin.query(`CREATE DATABASE "${name}"`);
} finally {
  await admin.end();
}

// Each file starts with an empty Redis db: what an earlier file left there (login throttles from
// 127.0.0.1, queued jobs, consumer groups) must not decide this file's results.
const redis = new Redis(process.env.REDIS_URL, { lazyConnect: true });
try {
  await redis.connect();
  await redis.flushdb();
} finally {
  redis.disconnect();
}

// Library code logs through Nest's static Logger; keep test output to the test results.
if (process.env.LOG_LEVEL === 'silent') Logger.overrideLogger(false);
