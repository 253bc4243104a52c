import pg from 'pg';
import type { DataSource } from 'typeorm';

// Any fixed 64-bit number: every instance of the platform takes the same lock.
const MIGRATION_LOCK_KEY = 7_406_381_157;

/**
 * Runs the pending migrations while holding a PostgreSQL advisory lock, so that
 * replicas starting together do not race on the same migration. The lock lives
 * on a connection of its own; a single-connection (embedded) database serves one
 * process only and runs them directly.
 */
export async function runMigrationsExclusively(
  dataSource: DataSource,
  databaseUrl: string,
  poolSize: number,
): Promise<string[]> {
  if (poolSize <= 1) return names(await dataSource.runMigrations({ transaction: 'each' }));
  const lock = new pg.Client({ connectionString: databaseUrl, application_name: 'mlops-platform:migrations' });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    return names(await dataSource.runMigrations({ transaction: 'each' }));
  } finally {
    await lock.end();
  }
}

function names(migrations: { name: string }[]): string[] {
  return migrations.map((migration) => migration.name);
}
