/**
 * Where the tests find the real servers. Each Jest worker gets a database and a
 * Redis db of its own, so suites run in parallel without seeing each other.
 */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export function workerDatabaseName(workerId: string | number): string {
  return `mlops_test_${workerId}`;
}

export function workerDatabaseUrl(workerId: string | number): string {
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${workerDatabaseName(workerId)}`;
  return url.toString();
}

/** Redis db 0 is left to people and 13-15 to benchmarks; test workers use 1..12. */
export function workerRedisUrl(workerId: string | number): string {
  const url = new URL(TEST_REDIS_URL);
  url.pathname = `/${((Number(workerId) - 1) % 12) + 1}`;
  return url.toString();
}
